/// Opens the right reader for a source: the boundary-point txt reader for `.txt`, GDAL otherwise.
public enum LayerReaders {
    /// The one layer a command works on.
    public static func open(_ spec: SourceSpec) throws(ZoneCalcError) -> FeatureLayerReader {
        if spec.isBoundaryPointTxt { return try BoundaryTxtLayerReader(path: spec.path) }
        return try GDALLayerReader(spec: spec)
    }

    /// The named layer, or every layer of the file when none is named.
    public static func openAll(_ spec: SourceSpec) throws(ZoneCalcError) -> [FeatureLayerReader] {
        if spec.layer != nil || spec.isBoundaryPointTxt { return [try open(spec)] }
        let (dataset, _) = try VectorSource.open(spec.path, encoding: spec.encoding)
        var readers: [FeatureLayerReader] = []
        for layer in dataset.layers { readers.append(try GDALLayerReader(spec: SourceSpec(path: spec.path, layer: layer.name, encoding: spec.encoding))) }
        return readers
    }
}
