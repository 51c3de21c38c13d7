/// The zone's 三调 land use by class: the land-use layer clipped to the boundary, class totals net of
/// 扣除地类 (田坎 …) where the layer has their fields, the three categories and 耕地. The same overlay as
/// the evaluation's land account, made once per run.
public enum LandUseJob {
    /// - Throws: when the project has no boundary or land-use layer, or maps no land-use code field.
    public static func run(frame: AnalysisFrame) throws(ZoneCalcError) -> OverlayReport {
        let project = frame.project
        guard try project.layer(.landUse).field("land_use") != nil else {
            throw .projectFile(path: project.path, line: nil, key: "layers.land_use.fields.land_use",
                               message: Bilingual("土地利用图层没有映射地类编码字段；请在 layers: land_use: fields: 下写 land_use: DLBM（或数据所用的字段名）",
                                                  "the land_use layer maps no land-use code field; add land_use: DLBM (or the data's field name) under its fields:"))
        }
        return try ClippedLayer.overlay(.landUse, frame: frame, by: "land_use")
    }
}
