import GeoBridge

/// The attribute fields an area run reads, by their slot in ``BorrowedFeature/attribute(_:)``.
struct FieldSelection: Sendable {
    /// Layer field indices to read, in order: label, group, declared (those present).
    var indices: [Int] = []
    private var labelSlot: Int?
    private var groupSlot: Int?
    private var declaredSlot: Int?
    private var declaredPrecision = 0

    init(reader: FeatureLayerReader, options: AreaOptions) throws(ZoneCalcError) {
        let labelName = reader.idField(options.labelField)
        if let labelName { labelSlot = add(try reader.fieldIndex(labelName)) }
        if let by = options.byField { groupSlot = add(try reader.fieldIndex(by)) }
        if let declared = options.declaredField {
            let index = try reader.fieldIndex(declared)
            declaredSlot = add(index)
            declaredPrecision = reader.fields[index].precision
        }
    }

    private mutating func add(_ index: Int) -> Int {
        indices.append(index)
        return indices.count - 1
    }

    var hasGroup: Bool { groupSlot != nil }

    func label(_ feature: borrowing BorrowedFeature) -> String? { labelSlot.flatMap { feature.attribute($0).text } }
    func group(_ feature: borrowing BorrowedFeature) -> String? { groupSlot.flatMap { feature.attribute($0).text } }
    func declared(_ feature: borrowing BorrowedFeature) -> DeclaredArea? {
        declaredSlot.flatMap { DeclaredArea(feature.attribute($0), fieldPrecision: declaredPrecision) }
    }
}
