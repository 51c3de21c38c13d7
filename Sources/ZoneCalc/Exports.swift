// The bridge's value and handle types (XY, Geometry, FieldValue, …) are part of ZoneCalc's API.
@_exported import GeoBridge
