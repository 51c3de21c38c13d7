import Foundation
import GeoBridge
import Testing

/// `--append` adds layers to an existing GeoPackage or FileGDB; a layer of the same name is replaced
/// only with `--force`; other formats refuse it; a refused run leaves the file as it was.
@Suite struct AppendOutputTests {
    @Test(arguments: ["results.gpkg", "results.gdb"])
    func layersAreAddedAndReplacedOnlyWithForce(file: String) throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(file).path
        #expect(try CLITests.run(["area", CLITests.sample("zone.gpkg:zd"), "-o", path]).status == 0)
        let added = try CLITests.run(["area", CLITests.sample("zone.gpkg:kfqfw"), "-o", path, "--append"])
        #expect(added.status == 0, "\(added.err)")
        let layers = try ExportedFile(path).layers
        #expect(layers.map(\.name) == ["zd_area", "kfqfw_area"] && layers.map(\.rows.count) == [331, 1])
        // The same layer again: refused without --force, and the file is as it was.
        let before = try ExportedFile(path).layers.map(\.rows.count)
        let again = try CLITests.run(["area", CLITests.sample("zone.gpkg:zd"), "-o", path, "--append"])
        #expect(again.status == 5 && again.err.contains("zd_area") && again.err.contains("--force"), "\(again.err)")
        #expect(try ExportedFile(path).layers.map(\.rows.count) == before)
        let replaced = try CLITests.run(["area", CLITests.sample("zone.gpkg:zd"), "-o", path, "--append", "--force"])
        #expect(replaced.status == 0, "\(replaced.err)")
        #expect(Set(try ExportedFile(path).layers.map(\.name)) == ["zd_area", "kfqfw_area"])
        // Without --append an existing file is still refused, and replaced whole with --force.
        #expect(try CLITests.run(["area", CLITests.sample("zone.gpkg:kfqfw"), "-o", path]).status == 5)
        #expect(try CLITests.run(["area", CLITests.sample("zone.gpkg:kfqfw"), "-o", path, "--force"]).status == 0)
        #expect(try ExportedFile(path).layers.map(\.name) == ["kfqfw_area"])
    }

    @Test func formatsOfOneLayerRefuseToAppend() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("zd.csv").path
        let result = try CLITests.run(["area", CLITests.sample("zone.gpkg:zd"), "-o", csv, "--append"], language: CommandLineLanguageTests.chinese)
        #expect(result.status == 5 && !FileManager.default.fileExists(atPath: csv))
    }
}
