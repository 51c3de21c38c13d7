import Foundation
import ArgumentParser
import ZoneCalc

/// How a command reads its layers, the same in every command: a file (`FILE[:LAYER]`, `--layer`) or a
/// zone project and one of its layers (`PROJECT --role`), with `--crs` and `--swap-xy` for a file that
/// declares its coordinates wrongly. The inputs themselves are the command's arguments (``inputHelp``):
/// one, or for a batch several files, folders and patterns.
struct SourceOptions: ParsableArguments {
    /// The help of the inputs argument of `area`, `qc`, `convert` and `info`.
    static let inputHelp = Bilingual("输入：GDAL 能读的任何矢量文件或界址点坐标 .txt（FILE:LAYER 指定图层），或开发区项目文件 zone.yaml（用 --role 指定图层）。给出多个文件、文件夹或通配符（如 '方案/*.txt'）时逐个处理，并给出汇总表。",
                                     "Input: any vector file GDAL reads or a boundary-point .txt (FILE:LAYER picks a layer), or a zone project file zone.yaml (--role picks its layer). Several files, folders or patterns (such as 'plans/*.txt') are processed one by one, with a summary table.").help

    @Option(help: Bilingual("多图层文件（GeoPackage、FileGDB…）中的图层名；优先于 FILE:LAYER。",
                            "Layer of a multi-layer file (GeoPackage, FileGDB…); overrides FILE:LAYER.").help)
    var layer: String?

    @Option(help: Bilingual("输入为项目文件时：图层角色（boundary 开发区范围、parcels 宗地、land_use 三调地类、buildings 建筑物…）。",
                            "With a project file: the layer's role (boundary, parcels, land_use, buildings…).").help)
    var role: String?

    @Option(help: Bilingual("输入文件没有或写错坐标参照系时指定：EPSG:nnnn（只写代码 nnnn 亦可）、WKT、PROJ 字符串或 .prj 文件。",
                            "CRS of the input when the file has none or a wrong one: EPSG:nnnn (or the bare code nnnn), WKT, a PROJ string, or a .prj file.").help)
    var crs: String?

    @Option(help: Bilingual("输入 Shapefile .dbf 的文字编码：utf-8 或 gbk（也可写 cp936、gb2312；默认：按 .cpg；没有时按 UTF-8，不是 UTF-8 时按 GBK）。",
                            "Text encoding of an input Shapefile's .dbf: utf-8 or gbk (or cp936, gb2312; default: its .cpg; without one UTF-8, or GBK when the text is not UTF-8).").help)
    var encoding: TextEncodingChoice?

    @Flag(help: Bilingual("文件按测量习惯以 x 存北坐标、y 存东坐标：交换两者。",
                          "The file stores northings as x and eastings as y (surveying order): swap them.").help)
    var swapXY = false

    /// True when `input` is a zone project file rather than a layer.
    static func isProject(_ input: String) -> Bool { ["yaml", "yml"].contains((input as NSString).pathExtension.lowercased()) }

    func validate() throws {
        if let role, LayerRole(rawValue: role) == nil { throw LayerRole.unknown(role) }
    }

    /// The checks of the options against the inputs: --role goes with a project, --layer with a file,
    /// and a batch holds files only.
    func check(_ inputs: [String]) throws {
        if InputFiles.isBatch(inputs) {
            guard !inputs.contains(where: Self.isProject) else {
                throw ValidationError(Bilingual("项目文件（zone.yaml）不能与其他输入一起批量处理；请每次给一个项目，或直接给出各图层的文件",
                                                "a project file (zone.yaml) cannot be part of a batch; give one project at a time, or the layers' files").inRun)
            }
            guard layer == nil else {
                throw ValidationError(Bilingual("批量处理时不用 --layer；用 FILE:LAYER 给出各文件的图层", "--layer does not go with a batch; give each file's layer as FILE:LAYER").inRun)
            }
        }
        guard let input = inputs.first else { return }
        let isProject = Self.isProject(input)
        if isProject, layer != nil {
            throw ValidationError(Bilingual("输入是项目文件时用 --role 指定图层，不用 --layer", "with a project file pick its layer with --role, not --layer").inRun)
        }
        if !isProject, role != nil {
            throw ValidationError(Bilingual("--role 只用于项目文件（zone.yaml）；文件中的图层用 --layer 或 FILE:LAYER 指定",
                                            "--role is for a project file (zone.yaml); a layer of a file is picked with --layer or FILE:LAYER").inRun)
        }
    }

    /// The layer `input` reads: the file, or the project's layer of `--role` (else `defaultRole`).
    func resolve(_ input: String, defaultRole: LayerRole?) throws -> ResolvedSource {
        guard Self.isProject(input) else {
            var spec = SourceSpec(parsing: input, layer: layer)
            spec.encoding = encoding
            return ResolvedSource(spec: spec, crs: try crsDefinition(), project: nil, projectLayer: nil)
        }
        let project = try ZoneProjectLoader.load(input)
        guard let role = role.flatMap(LayerRole.init(rawValue:)) ?? defaultRole else {
            throw ValidationError(Bilingual("输入是项目文件：请用 --role 指定图层（\(LayerRole.names)）",
                                            "the input is a project file: pick its layer with --role (\(LayerRole.names))").inRun)
        }
        let chosen = try project.layer(role)
        var spec = chosen.source
        spec.encoding = encoding ?? spec.encoding
        return ResolvedSource(spec: spec, crs: try crsDefinition() ?? chosen.crs, project: project, projectLayer: chosen)
    }

    /// The --crs text, reading a .prj file's contents when a path is given.
    func crsDefinition() throws(ZoneCalcError) -> String? { try crs.map(CRSArgument.definition) }

    /// Every file this input reads, which no output may replace: the data file (every file of a project)
    /// and a --crs .prj file (an output Shapefile's own .prj sidecar could otherwise be that file).
    func inputFiles(_ resolved: ResolvedSource) -> [String] {
        (resolved.project?.inputPaths ?? [resolved.spec.path]) + CRSArgument.files([crs])
    }
}

/// The layer a command reads, with what the project says of it.
struct ResolvedSource {
    var spec: SourceSpec
    /// The CRS to use instead of the file's: `--crs`, else the project layer's `crs`.
    var crs: String?
    var project: ZoneProject?
    var projectLayer: ProjectLayer?

    /// A field named on the command line, through the project's field mapping when it maps the name.
    func field(_ name: String?) -> String? { name.map { projectLayer?.field($0) ?? $0 } }
}

/// A `--crs`-like option: EPSG:nnnn (or the bare code, 4528), WKT, a PROJ string, or a .prj file — the
/// same in every command.
enum CRSArgument {
    /// The definition `text` gives: the file's contents for a .prj path, EPSG:n for a bare number n, the
    /// text itself otherwise.
    static func definition(_ text: String) throws(ZoneCalcError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty, trimmed.allSatisfy(\.isASCII), trimmed.allSatisfy(\.isNumber) { return "EPSG:\(trimmed)" }
        guard isFile(text) else { return text }
        guard let contents = try? String(contentsOfFile: text, encoding: .utf8) else {
            throw FileManager.default.fileExists(atPath: text)
                ? .invalidArgument(Bilingual("\(text)：--crs 文件无法按 UTF-8 文本读取；请改用 EPSG:nnnn 给出坐标系",
                                             "\(text): the --crs file cannot be read as UTF-8 text; give the CRS as EPSG:nnnn instead"))
                : .fileNotFound(path: text)
        }
        return contents
    }

    /// The .prj files among the given options, which no output may replace.
    static func files(_ options: [String?]) -> [String] { options.compactMap { $0 }.filter(isFile) }

    private static func isFile(_ text: String) -> Bool { text.lowercased().hasSuffix(".prj") }
}

extension LayerRole {
    /// Every role, for messages.
    static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// The usage error for a role that does not exist.
    static func unknown(_ role: String) -> ValidationError {
        ValidationError(Bilingual("未知的图层角色 '\(role)'，应为以下之一：\(names)", "unknown layer role '\(role)'; use one of: \(names)").inRun)
    }
}
