import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanText } from "../../app/domain/shared/text";
import { cleanForm } from "../../app/lib/forms.server";

const XML_CHAR = /^[\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u;

describe("text as the app stores it", () => {
  it("is composed (NFC): a name typed in decomposed form equals the same name typed composed", () => {
    const decomposed = "Nguyê\u0303n Thi\u0323 Hu\u031bo\u031bng";
    expect(decomposed).not.toBe("Nguyễn Thị Hương");
    expect(cleanText(decomposed)).toBe("Nguyễn Thị Hương");
  });

  it("loses control characters but keeps line breaks and tabs", () => {
    expect(cleanText("Báo cáo\u0001\u000b quý\u0000 I\r\ndòng 2\tcột\u007f\u0085")).toBe("Báo cáo quý I\ndòng 2\tcột");
    expect(cleanText("a\ud800b\udc00c\u{1F600}")).toBe("abc\u{1F600}");
    // A control character between a letter and its mark: removed, then composed.
    expect(cleanText("e\u0000\u0301")).toBe("é");
    expect(cleanText(cleanText("e\u0000\u0301"))).toBe("é");
  });

  it("whatever was typed, the result is XML text in NFC, and cleaning again changes nothing", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (s) => {
        const clean = cleanText(s);
        expect(clean).toMatch(XML_CHAR);
        expect(clean.normalize("NFC")).toBe(clean);
        expect(cleanText(clean)).toBe(clean);
      }),
      { numRuns: 2000 },
    );
  });

  it("a form's text is cleaned, its passwords are not (a password set before must still match)", () => {
    const form = new FormData();
    form.append("title", "Ba\u0300i ho\u0323c\u0001");
    form.append("password", "Ma\u0323t-kha\u0302\u0309u\u0001");
    form.append("current", "cu\u0303");
    const clean = cleanForm(form);
    expect(clean.get("title")).toBe("Bài học");
    expect(clean.get("password")).toBe("Ma\u0323t-kha\u0302\u0309u\u0001");
    expect(clean.get("current")).toBe("cu\u0303");
  });
});
