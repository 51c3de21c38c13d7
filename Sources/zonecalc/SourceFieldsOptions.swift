import ArgumentParser
import ZoneCalc

/// `--fields`, in the commands whose ledger carries the source layer's own fields (area, overlay).
struct SourceFieldsOptions: ParsableArguments {
    @Option(name: .customLong("fields"),
            help: Bilingual("写出文件中随附的源数据字段：all（全部）、none（不附），或逗号分隔的字段名（按所列顺序）。",
                            "Source fields the written file carries after the ledger's columns: all, none or field names separated by commas (in that order).").help)
    var text: String = "all"

    var selection: SourceFieldSelection { SourceFieldSelection(parsing: text) }
}
