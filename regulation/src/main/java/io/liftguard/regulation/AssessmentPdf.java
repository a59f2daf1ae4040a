package io.liftguard.regulation;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.liftguard.regulation.domain.AssessmentReport;
import java.io.ByteArrayOutputStream;

/**
 * Prints an {@link AssessmentReport} as an A4 PDF (OpenPDF), in English with the standard Helvetica
 * fonts.
 */
public final class AssessmentPdf {
  private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
  private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
  private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 9.5f);
  private static final Font LABEL = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9.5f);

  private AssessmentPdf() {}

  public static byte[] render(AssessmentReport report) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A4, 48, 48, 48, 48);
    try {
      PdfWriter.getInstance(doc, out);
      doc.addTitle("Safety assessment report " + report.elevatorId());
      doc.addCreator("LiftGuard");
      doc.open();
      doc.add(new Paragraph("Elevator safety assessment report", TITLE));
      doc.add(
          new Paragraph(
              "Elevator "
                  + report.elevatorId()
                  + ", as of "
                  + report.date()
                  + ". Built by LiftGuard from the elevator's digital twin: the input to an"
                  + " assessment by an accredited body.",
              BODY));
      AssessmentReport.Recommendation r = report.recommendation();
      heading(doc, "Recommended action: " + r.priority());
      doc.add(new Paragraph(r.action(), BODY));
      for (String reason : r.reasons()) {
        doc.add(new Paragraph("- " + reason, BODY));
      }
      doc.add(
          new Paragraph(
              r.backsRepairFund()
                  ? "This record supports an application to the building's special repair fund"
                      + " (over 15 years in service, with the findings above)."
                  : "This record alone does not support a repair-fund application.",
              LABEL));
      for (AssessmentReport.Section s : report.sections()) {
        heading(doc, s.title());
        PdfPTable table = new PdfPTable(new float[] {2.2f, 5f});
        table.setWidthPercentage(100);
        for (AssessmentReport.Row row : s.rows()) {
          table.addCell(cell(row.label(), LABEL));
          table.addCell(cell(row.value(), BODY));
        }
        doc.add(table);
        for (String line : s.lines()) {
          doc.add(new Paragraph(line, BODY));
        }
      }
      doc.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("could not print the report: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  private static void heading(Document doc, String text) {
    Paragraph p = new Paragraph(text, HEADING);
    p.setSpacingBefore(12);
    p.setSpacingAfter(4);
    doc.add(p);
  }

  private static PdfPCell cell(String text, Font font) {
    PdfPCell c = new PdfPCell(new Paragraph(new Chunk(text, font)));
    c.setPadding(3);
    c.setVerticalAlignment(Element.ALIGN_TOP);
    return c;
  }
}
