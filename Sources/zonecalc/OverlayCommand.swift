import ArgumentParser
import Foundation
import ZoneCalc

struct OverlayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overlay",
        abstract: Bilingual("将图层（宗地、三调地类图斑…）与开发区范围或其他图层叠加：碎片、按地类汇总面积（含三大类）、跨界要素。", "Intersect a layer (parcels, 三调 land use…) with a zone or another layer: pieces, areas by class with the 三大类 roll-up, features crossing the boundary.").inRun)

    @OptionGroup var language: LanguageOptions

    @Argument(help: Bilingual("开发区项目文件（zone.yaml）；与 --role 一起用时，将该图层与开发区范围叠加。", "A zone project file (zone.yaml); with --role, overlays that layer with the zone's boundary.").help)
    var project: String?

    @Option(help: Bilingual("有项目文件时：与范围叠加的图层角色（land_use、parcels、buildings…）。", "With a project: the layer to overlay with the boundary (land_use, parcels, buildings…).").help)
    var role: String?

    @Option(help: Bilingual("被切分的图层 A：FILE[:LAYER]。", "Layer A, whose features are cut: FILE[:LAYER].").help)
    var a: String?

    @Option(help: Bilingual("图层 B（开发区范围或叠加图层）：FILE[:LAYER]。可重复，一次读取 A 与多个图层叠加。", "Layer B, the zone or overlay layer: FILE[:LAYER]. Repeat to overlay A with several layers in one reading of A.").help)
    var b: [String] = []

    @Option(help: Bilingual("按 A 的此字段汇总（如 DLBM；有项目文件时也可用 land_use 等 ZoneCalc 字段名）；三调地类编码另汇总为三大类并给出耕地小计。", "Field of A to total by (e.g. DLBM, or with a project a ZoneCalc field such as land_use); 三调 codes get the 三大类 roll-up and the 耕地 subtotal.").help)
    var by: String?

    @Option(help: Bilingual("面积算法，可用逗号分隔：planar、ellipsoidal、geodesic；第一个用于占比和碎片判定。默认 planar,ellipsoidal（有项目文件时其 area_method 在前）。", "Area method(s), comma-separated: planar, ellipsoidal, geodesic; the first gives shares and slivers. Default planar,ellipsoidal (with a project: its area_method first).").help)
    var method: String?

    @Option(help: Bilingual("按面积占比分摊到碎片的 A 的数值字段（可重复）。", "Numeric fields of A to apportion to the pieces by area share (repeatable).").help)
    var apportion: [String] = []

    @Flag(help: Bilingual("B 中多部分要素（如由几块组成的开发区）逐块分别统计。", "Treat each part of a multi-part B feature (e.g. a zone in several parts) separately.").help)
    var perPart = false

    @Option(help: Bilingual("面积小于此值（平方米）的碎片视为细碎图斑：列出，不计入统计。", "Pieces smaller than this many m² are slivers: listed, left out of the statistics.").help)
    var sliverArea: Double = 1

    @Option(help: Bilingual("平均宽度（2·面积/周长）小于此值（米）的碎片视为细碎图斑。", "Pieces whose mean width (2·area/perimeter) is below this many metres are slivers.").help)
    var sliverWidth: Double = 0.1

    @Flag(help: Bilingual("不检查 A 中相互重叠的要素：合计为各碎片面积直接相加（很大的图层更快）。", "Do not look for features of A that overlap each other: totals are plain sums of the pieces (faster on very large layers).").help)
    var noOverlapCheck = false

    @Flag(help: Bilingual("A 中的无效面不参与叠加（默认修复后叠加）。", "Leave invalid polygons of A out instead of overlaying them after make-valid.").help)
    var skipInvalid = false

    @Option(help: Bilingual("A 图层文件没有或写错坐标参照系时指定（EPSG、WKT、PROJ 字符串或 .prj 文件）。", "CRS of A when its file has none or a wrong one (EPSG, WKT, PROJ string or .prj file).").help)
    var aCRS: String?

    @Option(help: Bilingual("B 图层文件没有或写错坐标参照系时指定（EPSG、WKT、PROJ 字符串或 .prj 文件）。", "CRS of B when its file has none or a wrong one (EPSG, WKT, PROJ string or .prj file).").help)
    var bCRS: String?

    @Option(help: Bilingual("输入 Shapefile .dbf 的文字编码（A 和 B）：utf-8 或 gbk（也可写 cp936、gb2312；默认：按 .cpg；没有时自动判断）。",
                            "Text encoding of input Shapefiles' .dbf (A and B): utf-8 or gbk (or cp936, gb2312; default: the .cpg; without one, detected).").help)
    var encoding: TextEncodingChoice?

    @OptionGroup var datum: DatumOptions

    @Option(help: Bilingual("表中小数位数（默认：平方米 2 位，公顷和亩 4 位）。", "Decimals in the table (default: m² 2, 公顷 and 亩 4).").help)
    var decimals: Int?

    @OptionGroup var formatOptions: FormatOptions

    @OptionGroup var output: OutputOptions
    @OptionGroup var sourceFields: SourceFieldsOptions

    @Option(name: .customLong("workers"), help: Bilingual("工作线程数（默认：CPU 核数）。", "Worker threads (default: the number of cores).").help)
    var workers: Int?

    /// The project's layer to overlay (`--role`, checked in `validate()`).
    private var projectRole: LayerRole? { role.flatMap(LayerRole.init(rawValue:)) }

    func validate() throws {
        if let project, !["yaml", "yml"].contains((project as NSString).pathExtension.lowercased()) {
            throw ValidationError(Bilingual("“\(project)”不是项目文件：叠加两个图层请用 --a 图层 --b 图层，或给出 zone.yaml 和 --role",
                                            "'\(project)' is not a project file: overlay two layers with --a LAYER --b LAYER, or give zone.yaml and --role").inRun)
        }
        if project != nil {
            guard let role, a == nil, b.isEmpty else { throw ValidationError(Bilingual("有项目文件时请给出 --role（不用 --a/--b）", "with a project, give --role (and no --a/--b)").inRun) }
            if LayerRole(rawValue: role) == nil { throw LayerRole.unknown(role) }
        } else {
            guard a != nil, !b.isEmpty, role == nil else { throw ValidationError(Bilingual("请给出项目文件和 --role，或 --a 和至少一个 --b", "give a project file and --role, or --a and at least one --b").inRun) }
        }
    }

    func run() throws {
        try reportingErrors(source: project ?? a ?? "", json: formatOptions.isJSON, append: output.append) {
            var options = OverlayOptions()
            options.methods = try AreaCommand.parseMethods(method ?? "planar,ellipsoidal")
            options.byField = by
            options.apportion = apportion
            options.perPart = perPart
            options.sliverArea = sliverArea
            options.sliverWidth = sliverWidth
            options.skipInvalid = skipInvalid
            options.aCRS = try aCRS.map(CRSArgument.definition)
            options.bCRS = try bCRS.map(CRSArgument.definition)
            options.keepGeometry = output.output != nil
            options.accountOverlaps = !noOverlapCheck
            if let workers { options.workers = workers }
            options.datum = try datum.policy() ?? .refuse
            var aSpec: SourceSpec, bSpecs: [SourceSpec]
            if let project {
                let zone = try ZoneProjectLoader.load(project)
                let chosen = try zone.layer(projectRole!), boundary = try zone.layer(.boundary)
                (aSpec, bSpecs) = (chosen.source, [boundary.source])
                options.aCRS = options.aCRS ?? chosen.crs
                options.bCRS = options.bCRS ?? boundary.crs
                options.byField = by.map { chosen.field($0) ?? $0 }
                options.aIdField = chosen.field("id")
                options.bIdField = boundary.field("id")
                options.datum = try datum.policy() ?? zone.datumPolicy
                if method == nil { options.methods = [zone.areaMethod] + options.methods.filter { $0 != zone.areaMethod } }
            } else {
                (aSpec, bSpecs) = (SourceSpec(parsing: a!), b.map { SourceSpec(parsing: $0) })
                aSpec.encoding = encoding
                for k in bSpecs.indices { bSpecs[k].encoding = encoding }
            }
            let inputs = [aSpec.path] + bSpecs.map(\.path) + CRSArgument.files([aCRS, bCRS])
            try output.checkFirst(inputs: inputs)
            let aReader = try LayerReaders.open(aSpec)
            if output.output != nil { _ = try sourceFields.selection.indices(in: aReader) }
            if options.byField != nil {
                let mapping = try project.map { try ZoneProjectLoader.load($0).layers[projectRole!] }
                options.deduction = LandUseDeductionFields.detect(in: aReader.fields) { mapping??.field($0) }
            }
            var layers: [FeatureLayerReader] = []
            for spec in bSpecs { layers.append(try LayerReaders.open(spec)) }
            let reports = try OverlayJob.run(a: aReader, layers: layers, options: options)
            if let path = output.output {
                try OverlayExport.write(reports, a: aReader, swapXY: false, to: path, language: RunLanguage.current, fields: sourceFields.selection,
                                        encoding: output.encoding, force: output.force, inputs: inputs)
            }
            switch formatOptions.format {
            case .table: print(reports.map { OverlayReportText(decimals: decimals, language: RunLanguage.current).render($0) }.joined(separator: "\n"), terminator: "")
            case .json: print(try OverlayReportJSON().render(reports))
            }
        }
    }
}
