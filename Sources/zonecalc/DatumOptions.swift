import ArgumentParser
import ZoneCalc

/// `--datum-transformation`: the seven parameters that let a layer in Xi'an 1980 or Beijing 1954 be
/// brought into CGCS2000 (refused without them).
struct DatumOptions: ParsableArguments {
    @Option(help: Bilingual("西安 1980 或北京 1954 至 CGCS2000 的七参数 dx,dy,dz（米）,rx,ry,rz（秒）,ds（ppm）（转换参数，PROJ +towgs84 顺序，位置矢量旋转）；未给出时拒绝此类基准转换。",
        "Seven parameters dx,dy,dz (m),rx,ry,rz (″),ds (ppm) from Xi'an 1980 or Beijing 1954 to CGCS2000 (转换参数, PROJ's +towgs84 order, position-vector rotations); without them such a datum change is refused.").help)
    var datumTransformation: String?

    /// The policy the option gives; nil when it is not given.
    func policy() throws -> DatumPolicy? {
        guard let datumTransformation else { return nil }
        guard let policy = DatumPolicy(parsing: datumTransformation) else {
            throw ValidationError(Bilingual("--datum-transformation '\(datumTransformation)' 不是七个数 dx,dy,dz,rx,ry,rz,ds",
                                            "--datum-transformation '\(datumTransformation)' is not seven numbers dx,dy,dz,rx,ry,rz,ds").inRun)
        }
        return policy
    }
}
