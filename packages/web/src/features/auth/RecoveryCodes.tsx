import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { LiveMessage } from "../../components/fields.tsx";
import { Page } from "../../components/Page.tsx";
import { recoveryCodesFileName, recoveryCodesText } from "./recoveryCodesFile.ts";

interface Props {
  username: string;
  codes: readonly string[];
  onDone: () => void;
}

export function RecoveryCodes({ username, codes, onDone }: Props) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const [status, setStatus] = useState<string>();
  const listId = useId();
  const confirmId = useId();
  const text = recoveryCodesText(t("auth.codes.fileHeader", { username }), codes);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(t("auth.codes.copied"));
    } catch {
      setStatus(t("auth.codes.copyFailed"));
    }
  }

  function download() {
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = recoveryCodesFileName(username);
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  return (
    <Page title={t("auth.codes.title")} className="auth codes">
      <p>{t("auth.codes.intro")}</p>
      <h2 id={listId} className="visually-hidden">
        {t("auth.codes.listLabel")}
      </h2>
      <ol className="codes__list" aria-labelledby={listId}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <button type="button" className="button" onClick={() => void copy()}>
          {t("auth.codes.copy")}
        </button>
        <button type="button" className="button" onClick={download}>
          {t("auth.codes.download")}
        </button>
      </div>
      <LiveMessage kind="status" message={status} />
      <div className="checkbox">
        <input id={confirmId} type="checkbox" checked={saved} onChange={(e) => setSaved(e.target.checked)} />
        <label htmlFor={confirmId}>{t("auth.codes.confirm")}</label>
      </div>
      <div className="action-bar">
        <button
          type="button"
          className="button button--primary button--block"
          disabled={!saved}
          onClick={onDone}
        >
          {t("auth.codes.continue")}
        </button>
      </div>
    </Page>
  );
}
