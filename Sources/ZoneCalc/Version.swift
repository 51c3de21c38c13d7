/// The version of ZoneCalc, as `zonecalc --version` prints it and as a ledger's 说明 sheet records it.
public enum ZoneCalcVersion {
    public static let current = "0.1.0"
}
