/// A date field of a parcel as read: a day, or why there is none.
public enum DateFact: Sendable, Equatable {
    case day(CalendarDate)
    /// The field is not mapped, or the value is empty.
    case missing(field: String)
    /// The value is not a date; the text is kept for the report.
    case unreadable(field: String, text: String)

    public var day: CalendarDate? { if case .day(let date) = self { return date } else { return nil } }

    /// Reads `value` of the data field `field` (nil: not mapped, under the ZoneCalc name `name`).
    public init(_ value: FieldValue?, field: String?, name: String) {
        guard let field, let value else { self = .missing(field: field ?? name); return }
        switch LandDateParser.parse(value) {
        case .date(let date): self = .day(date)
        case .empty: self = .missing(field: field)
        case .unreadable(let text): self = .unreadable(field: field, text: text)
        }
    }
}

/// What the idle-land check knows of one parcel.
public struct IdleParcelFacts: Sendable {
    public var index: Int
    public var id: String
    public var supplyDate: DateFact
    public var agreedStart: DateFact
    public var agreedCompletion: DateFact
    public var actualStart: DateFact
    public var actualCompletion: DateFact
    public var suspendedSince: DateFact
    public var productionDate: DateFact
    /// Whether the suspension and production dates are mapped at all (else the proxies apply).
    public var hasSuspensionField: Bool
    public var hasProductionField: Bool
    public var governmentCause: Bool
    /// Production is expected of this parcel (its land use produces), so no output means 建而未投.
    public var productionExpected = true
    /// 万元.
    public var landPrice: Double?
    /// m², by the project's area method.
    public var area: Double
    /// m² developed: the developed-area field, else building footprints on the parcel; nil when neither.
    public var developedArea: Double?
    public var developedSource: Bilingual
    /// 万元.
    public var committedInvestment: Double?
    public var actualInvestment: Double?
    public var outputValue: Double?
    public var tax: Double?

    public init(index: Int, id: String, area: Double) {
        self.index = index; self.id = id; self.area = area
        supplyDate = .missing(field: "supply_date"); agreedStart = .missing(field: "agreed_start")
        agreedCompletion = .missing(field: "agreed_completion"); actualStart = .missing(field: "actual_start")
        actualCompletion = .missing(field: "actual_completion"); suspendedSince = .missing(field: "suspension_date")
        productionDate = .missing(field: "production_date")
        hasSuspensionField = false; hasProductionField = false; governmentCause = false
        developedSource = Bilingual(verbatim: "")
    }
}
