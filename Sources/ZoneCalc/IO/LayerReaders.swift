/// Opens the right reader for a source: the boundary-point txt reader for `.txt`, GDAL otherwise.
public enum LayerReaders {
    public static func open(_ spec: SourceSpec) throws(ZoneCalcError) -> FeatureLayerReader {
        try GDALLayerReader(spec: spec)
    }
}
