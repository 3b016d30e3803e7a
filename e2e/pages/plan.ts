/** The recovery plan screens: the guided builder, the plan as read, its versions, and its PDF. */
import { expect, type Page } from "@playwright/test";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export class PlanScreens {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Plan" }).click();
    await expect(this.page.getByRole("heading", { name: "My recovery plan", level: 1 })).toBeVisible();
  }

  async expectStep(step: number, heading: string): Promise<void> {
    await expect(this.page.getByText(`Step ${step} of 7`)).toBeVisible();
    await expect(this.page.getByRole("heading", { name: heading, level: 2 })).toBeVisible();
  }

  async next(): Promise<void> {
    await this.page.getByRole("button", { name: "Next" }).click();
  }

  section(name: string) {
    return this.page.getByRole("region", { name });
  }

  /** The plan page printed by Chromium (print media), as the text of each PDF page joined. */
  async printedText(): Promise<string> {
    await this.page.emulateMedia({ media: "print" });
    const pdf = await this.page.pdf({ format: "A4", printBackground: false });
    await this.page.emulateMedia({ media: "screen" });
    const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: true }).promise;
    const pages: string[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const content = await (await document.getPage(n)).getTextContent();
      pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
    }
    await document.destroy();
    return pages.join("\n").replace(/\s+/g, " ");
  }
}
