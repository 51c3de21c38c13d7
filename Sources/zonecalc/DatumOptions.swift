import ArgumentParser
import ZoneCalc

/// `--datum-transformation`: the seven parameters that let a layer in Xi'an 1980 or Beijing 1954 be
/// brought into CGCS2000 (refused without them).
struct DatumOptions: ParsableArguments {
    @Option(help: "Seven parameters dx,dy,dz (m),rx,ry,rz (″),ds (ppm) from Xi'an 1980 or Beijing 1954 to CGCS2000 (转换参数, PROJ's +towgs84 order, position-vector rotations); without them such a datum change is refused.")
    var datumTransformation: String?

    /// The policy the option gives; nil when it is not given.
    func policy() throws -> DatumPolicy? {
        guard let datumTransformation else { return nil }
        guard let policy = DatumPolicy(parsing: datumTransformation) else {
            throw ValidationError("--datum-transformation '\(datumTransformation)' is not seven numbers dx,dy,dz,rx,ry,rz,ds")
        }
        return policy
    }
}
