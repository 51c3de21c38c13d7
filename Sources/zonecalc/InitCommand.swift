import ArgumentParser
import Foundation
import ZoneCalc

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Draft a zone project file (zone.yaml) for the GIS files in a folder, guessing which layer is which and how its fields map.",
        discussion: """
        Layers are recognised by the usual names of Chinese zone data (kfqfw/范围 → boundary, zd/宗地 → parcels, \
        dltb/地类 → land_use, jzw/建筑 → buildings, yjjbnt → farmland, stbhhx → ecological_red_line, czkfbj → \
        urban_development_boundary, kqfw/扩区 → expansion, tqfw/调区 → adjustment …) and fields by Chinese names, \
        pinyin initials or English (ZDBH/宗地编号 → id, DLBM/地类编码 → land_use …). Check the draft before use.
        """)

    @Argument(help: "Folder holding the zone's GIS files; zone.yaml is written there.")
    var folder: String

    @Option(help: "The zone's name (default: the folder's name).")
    var name: String?

    @Flag(help: "Replace an existing zone.yaml.")
    var force = false

    func run() throws {
        try reportingErrors(source: folder) {
            let text = try ProjectInit.draft(folder: folder, zoneName: name)
            let path = (folder as NSString).appendingPathComponent("zone.yaml")
            try SafeOutput.write(to: path, inputs: [], force: force) { temporary in
                try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
            }
            print("Wrote \(path); check the guessed layers and fields:\n")
            print(text, terminator: "")
        }
    }
}
