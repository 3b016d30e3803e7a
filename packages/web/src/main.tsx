import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createQueryClient } from "./api/queries.ts";
import { App } from "./app/App.tsx";
import { setupI18n } from "./i18n/index.ts";
import "./app/styles/base.css";
import "./app/styles/layout.css";
import "./app/styles/forms.css";

setupI18n();
const client = createQueryClient();
const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App client={client} />
    </StrictMode>,
  );
}
