package org.outputintake.form;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDCheckBox;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;

/**
 * Writes a request form as a fillable PDF: text fields named by their labels ("Project number",
 * "File name 1", "Description 1"...), declaration check boxes named by code ({@code decl_IN_SCOPE})
 * with the declaration's words as tooltip.
 */
public final class PdfFormFixture {
  private PdfFormFixture() {}

  public static void write(RequestForm form, Path out) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      PDAcroForm acro = new PDAcroForm(doc);
      doc.getDocumentCatalog().setAcroForm(acro);
      PDResources resources = new PDResources();
      resources.put(
          COSName.getPDFName("Helv"), new PDType1Font(Standard14Fonts.FontName.HELVETICA));
      acro.setDefaultResources(resources);
      acro.setDefaultAppearance("/Helv 8 Tf 0 g");
      float[] y = {800};
      for (FormField f : FormField.values()) {
        text(acro, page, f.label(), null, FormText.value(form, f), y);
      }
      for (int i = 0; i < form.files().size(); i++) {
        FileEntry e = form.files().get(i);
        for (FormColumn c : FormColumn.values()) {
          String name =
              switch (c) {
                case FILE_NAME -> "File name";
                case DESCRIPTION -> "Description";
                case COUNTS_INCLUDED -> "Counts included";
                case CONTROLS -> "Disclosure controls";
                case RELATIONSHIP -> "Relationship";
                case USE -> "Output or supporting";
                case COUNT_COLUMNS -> "Count columns";
              };
          text(acro, page, name + " " + (i + 1), null, FormText.cell(e, c), y);
        }
      }
      for (Declaration d : Declaration.values()) {
        checkbox(doc, acro, page, "decl_" + d.name(), d.text(), form.declared(d), y);
      }
      doc.save(out.toFile());
    }
  }

  static PDTextField text(
      PDAcroForm acro, PDPage page, String name, String tooltip, String value, float[] y)
      throws IOException {
    PDTextField field = new PDTextField(acro);
    field.setPartialName(name);
    if (tooltip != null) field.setAlternateFieldName(tooltip);
    place(field, page, y);
    acro.getFields().add(field);
    if (!value.isEmpty()) field.setValue(value);
    return field;
  }

  private static void checkbox(
      PDDocument doc,
      PDAcroForm acro,
      PDPage page,
      String name,
      String tooltip,
      boolean checked,
      float[] y)
      throws IOException {
    PDCheckBox box = new PDCheckBox(acro);
    box.setPartialName(name);
    box.setAlternateFieldName(tooltip);
    PDAnnotationWidget widget = place(box, page, y);
    COSDictionary normal = new COSDictionary();
    for (String state : List.of("Yes", "Off")) {
      PDAppearanceStream stream = new PDAppearanceStream(doc);
      stream.setBBox(new PDRectangle(10, 10));
      normal.setItem(COSName.getPDFName(state), stream);
    }
    PDAppearanceDictionary appearance = new PDAppearanceDictionary();
    appearance.getCOSObject().setItem(COSName.N, normal);
    widget.setAppearance(appearance);
    acro.getFields().add(box);
    if (checked) box.check();
    else box.unCheck();
  }

  private static PDAnnotationWidget place(PDField field, PDPage page, float[] y)
      throws IOException {
    PDAnnotationWidget widget = field.getWidgets().get(0);
    widget.setRectangle(new PDRectangle(50, Math.max(y[0], 20), 300, 10));
    widget.setPage(page);
    page.getAnnotations().add(widget);
    y[0] -= 12;
    return widget;
  }
}
