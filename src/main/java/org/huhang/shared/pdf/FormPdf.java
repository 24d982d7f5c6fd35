package org.huhang.shared.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.huhang.shared.qr.QrCode;

/**
 * A printed form as a marriage registration office issues it: A4, the title centred under the
 * office's name, a reference line, ruled tables of fields, numbered notes, signature lines and the
 * date printed. Every text is given by the caller (the module's words); the font is the embedded
 * CJK subset of {@link FormFont}. Build in order, then {@link #finish()} for the bytes.
 */
public final class FormPdf {

  private static final Color RULE = new Color(0x33, 0x33, 0x33);
  private static final Color LABEL_SHADE = new Color(0xF2, 0xF2, 0xF2);

  private final ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
  private final Document document;
  private final PdfWriter writer;
  private final Font title;
  private final Font heading;
  private final Font body;
  private final Font small;

  private FormPdf(String office, String titleText, String reference) {
    var font = FormFont.get();
    this.title = new Font(font, 18);
    this.heading = new Font(font, 12);
    this.body = new Font(font, 10.5f);
    this.small = new Font(font, 9);
    this.document = new Document(PageSize.A4, 56, 56, 48, 48);
    this.writer = PdfWriter.getInstance(document, out);
    document.addTitle(titleText);
    document.addCreator("Huhang");
    document.open();
    Paragraph officeLine = new Paragraph(office, heading);
    officeLine.setAlignment(Element.ALIGN_CENTER);
    document.add(officeLine);
    Paragraph titleLine = new Paragraph(titleText, title);
    titleLine.setAlignment(Element.ALIGN_CENTER);
    titleLine.setSpacingBefore(6);
    titleLine.setSpacingAfter(10);
    document.add(titleLine);
    Paragraph referenceLine = new Paragraph(reference, small);
    referenceLine.setAlignment(Element.ALIGN_RIGHT);
    referenceLine.setSpacingAfter(4);
    document.add(referenceLine);
  }

  /** Starts a form: the office above the title, the reference (e.g. 编号) at the right. */
  public static FormPdf start(String office, String title, String reference) {
    return new FormPdf(office, title, reference);
  }

  /** A label and its value. */
  public record Field(String label, String value) {}

  /** A ruled table of label–value rows, labels shaded, as on a paper form. */
  public FormPdf fields(List<Field> fields) {
    PdfPTable table = table(new float[] {30, 70});
    for (Field f : fields) {
      table.addCell(cell(f.label(), true));
      table.addCell(cell(f.value(), false));
    }
    document.add(table);
    return this;
  }

  /** A ruled table with a shaded header row, e.g. the parties. */
  public FormPdf grid(float[] widths, List<String> header, List<List<String>> rows) {
    PdfPTable table = table(widths);
    table.setHeaderRows(1);
    header.forEach(h -> table.addCell(centred(cell(h, true))));
    rows.forEach(row -> row.forEach(v -> table.addCell(centred(cell(v, false)))));
    document.add(table);
    return this;
  }

  /** A heading over the next part. */
  public FormPdf heading(String text) {
    Paragraph p = new Paragraph(text, heading);
    p.setSpacingBefore(10);
    p.setSpacingAfter(4);
    document.add(p);
    return this;
  }

  /** Running text, justified, as the notes of a form are. */
  public FormPdf paragraph(String text) {
    Paragraph p = new Paragraph(text, body);
    p.setAlignment(Element.ALIGN_JUSTIFIED);
    p.setLeading(18);
    p.setSpacingAfter(2);
    document.add(p);
    return this;
  }

  /** Numbered notes: "1. …", "2. …", each indented under its number. */
  public FormPdf notes(List<String> notes) {
    for (int i = 0; i < notes.size(); i++) {
      Paragraph p = new Paragraph((i + 1) + ". " + notes.get(i), body);
      p.setAlignment(Element.ALIGN_JUSTIFIED);
      p.setLeading(18);
      p.setIndentationLeft(14);
      p.setFirstLineIndent(-14);
      p.setSpacingAfter(2);
      document.add(p);
    }
    return this;
  }

  /**
   * Signature lines, two to a row: each is "label: ________" with "dateLabel" under it, the form's
   * way of leaving room for a hand signature and the day it was signed.
   */
  public FormPdf signatures(List<String> labels, String dateLabel) {
    return signatures(labels, dateLabel, null);
  }

  /**
   * A QR code with its caption and the address it opens (e.g. the booking page that a receipt
   * offers), drawn as vector squares: sharp on any printer, no image.
   */
  public record Qr(QrCode code, String caption, String address) {}

  /**
   * Signature lines as {@link #signatures(List, String)}, with a QR code's block in the cell that
   * an odd number of signers leaves free (else in a row of its own): the receipt keeps to one page.
   */
  public FormPdf signatures(List<String> labels, String dateLabel, Qr qr) {
    PdfPTable table = new PdfPTable(2);
    table.setWidthPercentage(100);
    table.setSpacingBefore(22);
    for (String label : labels) {
      Paragraph sign = new Paragraph();
      sign.setLeading(20);
      sign.add(new Chunk(label, body));
      sign.add(new Chunk("\u3000".repeat(8), body).setUnderline(0.6f, -2f));
      Paragraph date = new Paragraph(dateLabel, body);
      date.setLeading(26);
      PdfPCell cell = new PdfPCell();
      cell.setBorder(Rectangle.NO_BORDER);
      cell.setPaddingBottom(18);
      cell.addElement(sign);
      cell.addElement(date);
      table.addCell(cell);
    }
    if (labels.size() % 2 == 1 || qr != null) {
      table.addCell(qr == null ? empty() : qrCell(qr, SMALL_QR, width() / 2));
    }
    if (labels.size() % 2 == 0 && qr != null) {
      table.addCell(empty());
    }
    document.add(table);
    return this;
  }

  /** The side of a QR code beside a signature: 23 mm, what a phone reads at arm's length. */
  private static final float SMALL_QR = 66;

  /** The side of a QR code in a block of its own: 30 mm. */
  private static final float LARGE_QR = 85;

  /** A QR code's block on its own: the code, and beside it its caption and address. */
  public FormPdf qr(Qr qr) {
    PdfPTable table = new PdfPTable(1);
    table.setWidthPercentage(100);
    table.setSpacingBefore(10);
    table.setKeepTogether(true);
    PdfPCell cell = qrCell(qr, LARGE_QR, width() - 8);
    cell.setBorder(Rectangle.BOX);
    cell.setBorderColor(RULE);
    cell.setBorderWidth(0.6f);
    cell.setPadding(4);
    table.addCell(cell);
    document.add(table);
    return this;
  }

  /** The width between the margins. */
  private float width() {
    return document.right() - document.left();
  }

  /**
   * The code and, beside it, its words, in a cell {@code width} wide (so the code keeps its side).
   */
  private PdfPCell qrCell(Qr qr, float side, float width) {
    PdfPTable inner = new PdfPTable(new float[] {side + 6, width - side - 6});
    inner.setWidthPercentage(100);
    inner.getDefaultCell().setBorder(Rectangle.NO_BORDER);
    PdfPCell picture;
    try {
      picture = new PdfPCell(Image.getInstance(drawn(qr.code(), side)), false);
    } catch (com.lowagie.text.BadElementException e) {
      throw new IllegalStateException("QR code", e);
    }
    picture.setBorder(Rectangle.NO_BORDER);
    picture.setPadding(0);
    picture.setVerticalAlignment(Element.ALIGN_MIDDLE);
    inner.addCell(picture);
    PdfPCell words = new PdfPCell();
    words.setBorder(Rectangle.NO_BORDER);
    words.setPaddingLeft(6);
    words.setVerticalAlignment(Element.ALIGN_MIDDLE);
    Paragraph caption = new Paragraph(qr.caption(), body);
    caption.setSpacingAfter(4);
    words.addElement(caption);
    // An address is one long word: it breaks after a slash rather than anywhere.
    Chunk url = new Chunk(qr.address(), small);
    url.setSplitCharacter(
        (start, current, end, chars, chunks) -> current > start && chars[current] == '/');
    Paragraph address = new Paragraph(url);
    address.setLeading(12);
    words.addElement(address);
    inner.addCell(words);
    PdfPCell cell = new PdfPCell(inner);
    cell.setBorder(Rectangle.NO_BORDER);
    cell.setPadding(0);
    return cell;
  }

  /** The code's dark modules as filled rectangles, one per run along a row. */
  private PdfTemplate drawn(QrCode code, float side) {
    float module = side / code.size();
    PdfTemplate template = writer.getDirectContent().createTemplate(side, side);
    template.setColorFill(Color.BLACK);
    for (int y = 0; y < code.size(); y++) {
      int x = 0;
      while (x < code.size()) {
        if (!code.dark(x, y)) {
          x++;
          continue;
        }
        int start = x;
        while (x < code.size() && code.dark(x, y)) {
          x++;
        }
        // PDF counts from the bottom; the code's rows from the top.
        template.rectangle(start * module, side - (y + 1) * module, (x - start) * module, module);
      }
    }
    template.fill();
    return template;
  }

  private static PdfPCell empty() {
    PdfPCell empty = new PdfPCell(new Phrase(""));
    empty.setBorder(Rectangle.NO_BORDER);
    return empty;
  }

  /** A closing line at the right, e.g. the printed date. */
  public FormPdf closing(String text) {
    Paragraph p = new Paragraph(text, small);
    p.setAlignment(Element.ALIGN_RIGHT);
    p.setSpacingBefore(8);
    document.add(p);
    return this;
  }

  /** Closes the document: the PDF's bytes. */
  public byte[] finish() {
    document.close();
    return out.toByteArray();
  }

  private static PdfPTable table(float[] widths) {
    PdfPTable table = new PdfPTable(widths);
    table.setWidthPercentage(100);
    table.setSpacingBefore(4);
    table.setSpacingAfter(6);
    return table;
  }

  private PdfPCell cell(String text, boolean label) {
    PdfPCell cell = new PdfPCell(new Phrase(text == null || text.isBlank() ? "—" : text, body));
    cell.setBorderColor(RULE);
    cell.setBorderWidth(0.6f);
    cell.setPaddingTop(5);
    cell.setPaddingBottom(7);
    cell.setPaddingLeft(6);
    cell.setPaddingRight(6);
    cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
    if (label) {
      cell.setBackgroundColor(LABEL_SHADE);
    }
    return cell;
  }

  private static PdfPCell centred(PdfPCell cell) {
    cell.setHorizontalAlignment(Element.ALIGN_CENTER);
    return cell;
  }
}
