package org.huhang.shared.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Hostile .xlsx files for tests, written with a streaming zip writer. */
public final class TestZipBombs {

  private TestZipBombs() {}

  /**
   * The minimal package parts and a sheet of {@code expanded} bytes: the header row, then equal
   * rows (about 7 MB compressed for 2 GB).
   */
  public static byte[] bomb(long expanded, List<String> headers) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.setLevel(9);
      part(
          zip,
          "[Content_Types].xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default"
              + " Extension=\"rels\""
              + " ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default"
              + " Extension=\"xml\" ContentType=\"application/xml\"/><Override"
              + " PartName=\"/xl/workbook.xml\""
              + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override"
              + " PartName=\"/xl/worksheets/sheet1.xml\""
              + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/><Override"
              + " PartName=\"/xl/styles.xml\""
              + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/></Types>");
      part(
          zip,
          "_rels/.rels",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship"
              + " Id=\"rId1\""
              + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
              + " Target=\"xl/workbook.xml\"/></Relationships>");
      part(
          zip,
          "xl/workbook.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook"
              + " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
              + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet"
              + " name=\"志愿者\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
      part(
          zip,
          "xl/_rels/workbook.xml.rels",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship"
              + " Id=\"rId1\""
              + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\""
              + " Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\""
              + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\""
              + " Target=\"styles.xml\"/></Relationships>");
      part(
          zip,
          "xl/styles.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet"
              + " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><cellXfs"
              + " count=\"1\"><xf numFmtId=\"0\"/></cellXfs></styleSheet>");
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      OutputStream out = zip;
      out.write(
          ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet"
                  + " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                  + headerRow(headers))
              .getBytes(StandardCharsets.UTF_8));
      byte[] row =
          ("<row><c t=\"inlineStr\"><is><t>王秀英</t></is></c>"
                  + "<c t=\"inlineStr\"><is><t>371623198503150026</t></is></c></row>")
              .getBytes(StandardCharsets.UTF_8);
      byte[] block = new byte[row.length * 1000];
      for (int i = 0; i < 1000; i++) {
        System.arraycopy(row, 0, block, i * row.length, row.length);
      }
      for (long written = 0; written < expanded; written += block.length) {
        out.write(block);
      }
      out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  private static String headerRow(List<String> headers) {
    StringBuilder row = new StringBuilder("<row>");
    for (String h : headers) {
      row.append("<c t=\"inlineStr\"><is><t>").append(h).append("</t></is></c>");
    }
    return row.append("</row>").toString();
  }

  private static void part(ZipOutputStream zip, String name, String xml) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(xml.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
