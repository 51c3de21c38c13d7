/// A horizontal bar chart in SVG (no scripts): one bar per item with its value written beside it and,
/// where an item has one, a reference mark (an ideal value) drawn across its bar.
struct SVGBarChart {
    struct Bar {
        var label: String
        var value: Double
        /// The value as the table shows it.
        var text: String
        var colour: String = "#5b8def"
        /// A value to mark on the bar's line (the ideal value), with its text.
        var reference: (value: Double, text: String)? = nil
    }

    var bars: [Bar]
    var width = 760.0
    static let rowHeight = 22.0, labelWidth = 230.0, valueWidth = 150.0

    /// The chart; a note instead when there is nothing to draw.
    func svg(title: String) -> String {
        let top = 8.0
        let height = top * 2 + Double(bars.count) * Self.rowHeight + 18
        let largest = bars.flatMap { [$0.value, $0.reference?.value ?? 0] }.filter(\.isFinite).max() ?? 0
        let span = width - Self.labelWidth - Self.valueWidth
        func length(_ value: Double) -> Double { largest > 0 && value.isFinite ? max(0, value) / largest * span : 0 }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\" "
            + "font-family=\"Noto Sans CJK SC, Microsoft YaHei, sans-serif\" font-size=\"12\">\n"
        for (row, bar) in bars.enumerated() {
            let y = top + Double(row) * Self.rowHeight
            out += "<text x=\"\(SVGMap.number(Self.labelWidth - 6))\" y=\"\(SVGMap.number(y + 15))\" text-anchor=\"end\">\(HTMLText.escape(bar.label))</text>"
            out += "<rect x=\"\(SVGMap.number(Self.labelWidth))\" y=\"\(SVGMap.number(y + 4))\" width=\"\(SVGMap.number(length(bar.value)))\" height=\"14\" fill=\"\(bar.colour)\"/>"
            var text = bar.text
            if let reference = bar.reference {
                let x = SVGMap.number(Self.labelWidth + length(reference.value))
                out += "<line x1=\"\(x)\" y1=\"\(SVGMap.number(y + 1))\" x2=\"\(x)\" y2=\"\(SVGMap.number(y + 21))\" stroke=\"#000\" stroke-width=\"2\"/>"
                text += " / " + reference.text
            }
            out += "<text x=\"\(SVGMap.number(Self.labelWidth + length(bar.value) + 6))\" y=\"\(SVGMap.number(y + 15))\">\(HTMLText.escape(text))</text>\n"
        }
        return out + "</svg>"
    }
}
