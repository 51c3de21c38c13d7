import Foundation
import ArgumentParser
import ZoneCalc

/// The format of each input's output in a batch (`--as`), whose outputs go into a folder.
struct BatchFormatOptions: ParsableArguments {
    @Option(name: .customLong("as"), help: Bilingual("批量处理时每个输入的输出格式：gpkg、shp、geojson、kml、gdb、csv、xlsx（convert 另可 txt）；输出写入 -o 文件夹，以输入文件命名，另有汇总表 summary.xlsx。",
                                                     "In a batch, the format of each input's output: gpkg, shp, geojson, kml, gdb, csv, xlsx (and txt for convert); the outputs go into the -o folder, named after their inputs, with the summary, summary.xlsx.").help)
    var fileExtension: String?

    /// The checks of a batch's options: --as only in a batch, naming a format the command writes
    /// (the boundary-point txt for `convert` only), --append never in one.
    func check(isBatch: Bool, append: Bool = false, txt: Bool = false) throws {
        if let fileExtension {
            let name = fileExtension.trimmingCharacters(in: CharacterSet(charactersIn: ".")).lowercased()
            let known = ["gpkg", "shp", "geojson", "kml", "gdb", "csv", "xlsx"] + (txt ? ["txt"] : [])
            guard known.contains(name) else {
                throw ValidationError(Bilingual("--as 应为 \(known.joined(separator: "、")) 之一，给出的是 '\(fileExtension)'",
                                                "--as must be one of \(known.joined(separator: ", ")), got '\(fileExtension)'").inRun)
            }
        }
        if isBatch, append { throw ValidationError(Bilingual("批量处理不用 --append：每个输入写出自己的文件", "--append does not go with a batch: each input gets its own file").inRun) }
        if !isBatch, fileExtension != nil { throw ValidationError(Bilingual("--as 只用于批量处理（多个输入、文件夹或通配符）", "--as is for a batch (several inputs, a folder or a pattern)").inRun) }
    }
}
