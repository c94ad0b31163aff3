package org.outputintake.demo;

import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The bundled sample emails the demo sends: good requests and the usual mistakes. */
public final class SampleRequests {
  /** One sample: who sends it, what it shows, and the message itself. */
  public record Sample(String description, MimeMessage message) {}

  private SampleRequests() {}

  public static List<Sample> build(
      Session session, String supportAddress, Path dir, LocalDate today)
      throws IOException, MessagingException {
    Files.createDirectories(dir);
    String date = today.format(DateTimeFormatter.ofPattern("dd/MM/yy"));
    Path table =
        write(
            dir,
            "table1_energy_by_region.csv",
            """
        region,households,mean_kwh
        North East,1520,3120.5
        North West,4210,3305.1
        Yorkshire,3880,3190.7
        London,2960,4020.0
        """);
    Path code =
        write(
            dir,
            "model.R",
            """
        # Energy use model: fits a linear model of annual consumption on household characteristics.
        # Input: the SRS household energy extract; output: coefficient table (table2).
        library(dplyr)
        # keep complete cases only
        df <- read.csv("P:/Working/energy.csv") %>% filter(!is.na(kwh))
        # fit the model
        fit <- lm(kwh ~ region + tenure, data = df)
        summary(fit)
        """);
    Path form =
        DemoForms.filledForm(
            dir,
            today,
            "1234567",
            "2024_01_16_EnergyUseModel_v1",
            List.of("table1_energy_by_region.csv", "model.R"));
    List<Sample> out = new ArrayList<>();
    out.add(
        new Sample(
            "a complete request from a named researcher",
            mail(
                session,
                "Ada Lovelace <ada.lovelace@uni.example.ac.uk>",
                supportAddress,
                date + " Output request for Project 1234567",
                "Please find attached my output request for project 1234567, folder 2024_01_16_EnergyUseModel_v1.",
                List.of(form, table, code))));
    out.add(
        new Sample(
            "a request without the request form",
            mail(
                session,
                "Alan Turing <alan.turing@uni.example.ac.uk>",
                supportAddress,
                "RE: [EXTERNAL] " + date + " output request for project #1234567",
                "Table attached.",
                List.of(table))));
    out.add(
        new Sample(
            "a subject that is not in the required format",
            mail(
                session,
                "Grace Hopper <grace.hopper@lab.example.org>",
                supportAddress,
                "Request for output",
                "Hi, can I get my tables out please?",
                List.of())));
    out.add(
        new Sample(
            "a request from someone not named on the project",
            mail(
                session,
                "Eve Example <eve@elsewhere.example.com>",
                supportAddress,
                date + " Output request for Project 2345678",
                "Please release these.",
                List.of(table))));
    out.add(
        new Sample(
            "a request for an exploratory project",
            mail(
                session,
                "Katherine Johnson <katherine.johnson@uni.example.ac.uk>",
                supportAddress,
                date + " Output request for Project 3456789",
                "Outputs attached.",
                List.of(table))));
    MimeMessage auto =
        mail(
            session,
            "Ada Lovelace <ada.lovelace@uni.example.ac.uk>",
            supportAddress,
            "Automatic reply: Out of office",
            "I am away until Monday.",
            List.of());
    auto.setHeader("Auto-Submitted", "auto-replied");
    out.add(new Sample("an out-of-office auto-reply (stored, never answered)", auto));
    return out;
  }

  static MimeMessage mail(
      Session session, String from, String to, String subject, String body, List<Path> files)
      throws MessagingException, IOException {
    MimeMessage m = new MimeMessage(session);
    m.setFrom(new InternetAddress(from));
    m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
    m.setSubject(subject, "UTF-8");
    if (files.isEmpty()) {
      m.setText(body, "UTF-8");
    } else {
      MimeMultipart mixed = new MimeMultipart("mixed");
      MimeBodyPart text = new MimeBodyPart();
      text.setText(body, "UTF-8");
      mixed.addBodyPart(text);
      for (Path f : files) {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new FileDataSource(f.toFile())));
        part.setFileName(f.getFileName().toString());
        mixed.addBodyPart(part);
      }
      m.setContent(mixed);
    }
    m.saveChanges();
    return m;
  }

  private static Path write(Path dir, String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }
}
