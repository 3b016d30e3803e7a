import { Component, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

function Crashed() {
  const { t } = useTranslation();
  return (
    <div className="page" role="alert">
      <h1 className="page__title">{t("app.crashed.title")}</h1>
      <p>{t("app.crashed.body")}</p>
      <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
        {t("app.crashed.reload")}
      </button>
    </div>
  );
}

/** A screen that throws (or a lazy chunk that can't load offline) leaves the top bar and help working. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidUpdate(previous: { resetKey: string }) {
    if (previous.resetKey !== this.props.resetKey && this.state.failed) this.setState({ failed: false });
  }

  override render() {
    return this.state.failed ? <Crashed /> : this.props.children;
  }
}
