import Foundation
import ArgumentParser
import ZoneCalc

/// The format of each input's output in a batch (`--as`), whose outputs go into a folder.
struct BatchFormatOptions: ParsableArguments {
    @Option(name: .customLong("as"), help: Bilingual("批量处理时每个输入的输出格式：gpkg、shp、geojson、kml、gdb、csv、xlsx（convert 另可 txt）；输出写入所给的输出文件夹，以输入文件命名，另有汇总表 summary.xlsx。",
                                                     "In a batch, the format of each input's output: gpkg, shp, geojson, kml, gdb, csv, xlsx (and txt for convert); the outputs go into the output folder given, named after their inputs, with the summary, summary.xlsx.").help)
    var fileExtension: String?

    /// The checks of a batch's options: --as only in a batch, naming a format the command writes
    /// (the boundary-point txt for `convert` only), and given whenever the batch writes into a
    /// folder; --append never in one.
    /// - Parameter folder: the folder a batch writes into, nil for none.
    func check(isBatch: Bool, folder: String?, append: Bool = false, txt: Bool = false) throws {
        let known = ["gpkg", "shp", "geojson", "kml", "gdb", "csv", "xlsx"] + (txt ? ["txt"] : [])
        if let name {
            guard known.contains(name) else {
                throw ValidationError(Bilingual("--as 应为 \(known.joined(separator: "、")) 之一，给出的是 '\(fileExtension)'",
                                                "--as must be one of \(known.joined(separator: ", ")), got '\(fileExtension)'").inRun)
            }
        }
        if isBatch, folder != nil, fileExtension == nil {
            throw ValidationError(Bilingual("批量处理写出到文件夹时，请用 --as 指定每个输出的格式（\(known.joined(separator: "、"))）",
                                            "a batch writing into a folder needs --as, the format of each output (\(known.joined(separator: ", ")))").inRun)
        }
        var isFolder: ObjCBool = false
        let existingFolder = folder.map { FileManager.default.fileExists(atPath: $0, isDirectory: &isFolder) && isFolder.boolValue } ?? false
        if isBatch, let folder, !existingFolder, known.contains((folder as NSString).pathExtension.lowercased()) {
            let format = (folder as NSString).pathExtension.lowercased()
            throw ValidationError(Bilingual("批量处理时输出应为存放结果的文件夹，\(folder) 像是文件名；请给出文件夹，如 结果/ --as \(format)",
                                            "in a batch the output is the folder for the outputs, and \(folder) looks like a file name; give a folder, such as results/ --as \(format)").inRun)
        }
        if isBatch, append { throw ValidationError(Bilingual("批量处理不用 --append：每个输入写出自己的文件", "--append does not go with a batch: each input gets its own file").inRun) }
        if !isBatch, fileExtension != nil { throw ValidationError(Bilingual("--as 只用于批量处理（多个输入、文件夹或通配符）", "--as is for a batch (several inputs, a folder or a pattern)").inRun) }
    }

    /// The format's extension as given, without a leading dot, in lower case.
    private var name: String? { fileExtension.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".")).lowercased() } }

    /// Where a batch writes: `folder` with each output in the --as format (after ``check(isBatch:folder:append:txt:)``);
    /// nil without a folder.
    func outputFolder(_ folder: String?) -> LayerBatch.OutputFolder? {
        guard let folder, let name else { return nil }
        return LayerBatch.OutputFolder(path: folder, fileExtension: name)
    }
}
