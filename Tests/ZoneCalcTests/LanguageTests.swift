import Testing
import ZoneCalc

@Suite struct LanguageTests {
    @Test func chineseUnlessTheFlagOrTheLocaleSaysEnglish() {
        #expect(Language.resolve(flag: nil, environment: [:]) == .zh)
        #expect(Language.resolve(flag: nil, environment: ["LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(Language.resolve(flag: nil, environment: ["LANG": "en_US.UTF-8"]) == .en)
        #expect(Language.resolve(flag: nil, environment: ["LANG": "C.UTF-8"]) == .zh)
        // LC_ALL wins over LANG, LC_MESSAGES sits between them; an empty variable counts as unset.
        #expect(Language.resolve(flag: nil, environment: ["LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"]) == .zh)
        #expect(Language.resolve(flag: nil, environment: ["LC_ALL": "", "LC_MESSAGES": "en_GB", "LANG": "zh_CN"]) == .en)
        #expect(Language.resolve(flag: .zh, environment: ["LC_ALL": "en_US.UTF-8"]) == .zh)
        #expect(Language.resolve(flag: .en, environment: [:]) == .en)
    }
}
