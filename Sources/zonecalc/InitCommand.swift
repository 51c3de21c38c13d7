import ArgumentParser
import Foundation
import ZoneCalc

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: Bilingual("为文件夹中的 GIS 文件起草开发区项目文件（zone.yaml），推断各图层的角色和字段对应。", "Draft a zone project file (zone.yaml) for the GIS files in a folder, guessing which layer is which and how its fields map.").inRun,
        discussion: Bilingual("""
        按中国开发区数据的常用名称识别图层（kfqfw/范围 → boundary，zd/宗地 → parcels，dltb/地类 → land_use，\
        jzw/建筑 → buildings，yjjbnt → farmland，stbhhx → ecological_red_line，czkfbj → urban_development_boundary，\
        kqfw/扩区 → expansion，tqfw/调区 → adjustment …），按中文名、拼音首字母或英文识别字段\
        （ZDBH/宗地编号 → id，DLBM/地类编码 → land_use …）。使用前请核对草稿。
        """, """
        Layers are recognised by the usual names of Chinese zone data (kfqfw/范围 → boundary, zd/宗地 → parcels, \
        dltb/地类 → land_use, jzw/建筑 → buildings, yjjbnt → farmland, stbhhx → ecological_red_line, czkfbj → \
        urban_development_boundary, kqfw/扩区 → expansion, tqfw/调区 → adjustment …) and fields by Chinese names, \
        pinyin initials or English (ZDBH/宗地编号 → id, DLBM/地类编码 → land_use …). Check the draft before use.
        """).inRun)

    @OptionGroup var language: LanguageOptions

    @Argument(help: Bilingual("存放开发区 GIS 文件的文件夹；zone.yaml 写在这里。", "Folder holding the zone's GIS files; zone.yaml is written there.").help)
    var folder: String

    @Option(help: Bilingual("开发区名称（默认：文件夹名）。", "The zone's name (default: the folder's name).").help)
    var name: String?

    @Flag(help: Bilingual("替换已有的 zone.yaml。", "Replace an existing zone.yaml.").help)
    var force = false

    func run() throws {
        try reportingErrors(source: folder) {
            let text = try ProjectInit.draft(folder: folder, zoneName: name)
            let path = (folder as NSString).appendingPathComponent("zone.yaml")
            try SafeOutput.write(to: path, inputs: [], force: force) { temporary in
                try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
            }
            print(Bilingual("请核对推断的图层和字段：\n", "Check the guessed layers and fields:\n").inRun)
            print(text, terminator: "")
        }
    }
}
