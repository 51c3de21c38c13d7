import Foundation
import Testing
@testable import ZoneCalc

@Suite struct ZoneProjectTests {
    func write(_ text: String, in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("zone.yaml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try? FileManager.default.copyItem(atPath: TestData.sample("zone.gpkg"), toPath: folder.appendingPathComponent("zone.gpkg").path)
        return path
    }

    @Test func theSampleProjectLoads() throws {
        let project = try ZoneProjectLoader.load(TestData.sample("zone.yaml"))
        #expect(project.name == "常州示范经济开发区")
        #expect(project.asOf == "2026-06-30")
        #expect(project.areaMethod == .ellipsoidal)
        let parcels = try project.layer(.parcels)
        #expect(parcels.source.layer == "zd")
        #expect(parcels.field("id") == "ZDBH")
        #expect(parcels.field("land_use") == "DLBM")
        #expect(try project.layer(.landUse).source.layer == "dltb")
    }

    @Test func anUnknownKeyIsNamedWithItsLine() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try write("zone:\n  name: 示范区\nlayers:\n  parcels:\n    file: zone.gpkg\n    feilds:\n      id: ZDBH\n", in: folder)
        do {
            _ = try ZoneProjectLoader.load(path)
            Issue.record("an unknown key must be refused")
        } catch {
            #expect(error.description.contains("zone.yaml:6"))
            #expect(error.description.contains("layers.parcels.feilds"))
            #expect(error.description.contains("fields"))
        }
    }

    @Test func aMissingFileAndABadDateAreNamedWithTheirLines() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = try write("zone:\n  name: 示范区\nlayers:\n  land_use:\n    file: nope.gpkg\n", in: folder)
        #expect(throws: ZoneCalcError.self) { try ZoneProjectLoader.load(missing) }
        do { _ = try ZoneProjectLoader.load(missing) } catch {
            #expect(error.description.contains("zone.yaml:5: layers.land_use.file: no such file"))
        }
        let badDate = try write("zone:\n  name: 示范区\nas_of: 30/06/2026\n", in: folder)
        do { _ = try ZoneProjectLoader.load(badDate) } catch {
            #expect(error.description.contains("zone.yaml:3: as_of"))
        }
        let impossibleDate = try write("zone:\n  name: 示范区\nas_of: 2026-13-45\n", in: folder)
        #expect(throws: ZoneCalcError.self) { try ZoneProjectLoader.load(impossibleDate) }
        let unknownField = try write("zone:\n  name: 示范区\nlayers:\n  parcels:\n    file: zone.gpkg\n    fields:\n      parcel_number: ZDBH\n", in: folder)
        do { _ = try ZoneProjectLoader.load(unknownField) } catch {
            #expect(error.description.contains("zone.yaml:7: layers.parcels.fields.parcel_number"))
        }
    }

    /// `zonecalc init` on the sample folder recognises every layer of the sample GeoPackage and the
    /// parcel fields by their pinyin initials.
    @Test func initGuessesTheSampleLayersAndFields() throws {
        let draft = try ProjectInit.draft(folder: TestData.root.appendingPathComponent("GeoData/demo").path, zoneName: "示范区")
        for key in ["boundary:", "parcels:", "land_use:", "buildings:", "farmland:", "ecological_red_line:",
                    "urban_development_boundary:", "expansion:", "adjustment:"] {
            #expect(draft.contains("  \(key)"), "\(key)")
        }
        #expect(draft.contains("layer: zd"))
        #expect(draft.contains("id: ZDBH"))
        #expect(draft.contains("land_use: DLBM"))
        #expect(draft.contains("agreed_start: YDKGRQ"))
        // The draft is itself a valid project file.
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try write(draft, in: folder)
        let project = try ZoneProjectLoader.load(path)
        #expect(project.layers.count >= 9)
    }
}
