import { useTranslation } from "react-i18next";
import { TextField } from "../../components/fields.tsx";
import type { FieldErrors } from "../../lib/forms.ts";
import { replaced, without } from "./draft.ts";
import { focusItem } from "./focus.ts";

interface Props {
  items: readonly string[];
  onChange: (items: string[]) => void;
  /** The label of line n (from 1). */
  label: (n: number) => string;
  addLabel: string;
  /** Errors keyed like the server's: `${path}.${index}` for a line, `path` for the list. */
  path: string;
  errors: FieldErrors;
  maxLength: number;
}

/**
 * An editable list of short texts: one field per line, each removable, and a button that adds a line. The
 * cursor follows (focus.ts): into a new line, and after a removal into the line that took its place.
 */
export function TextLines({ items, onChange, label, addLabel, path, errors, maxLength }: Props) {
  const { t } = useTranslation();
  function add() {
    onChange([...items, ""]);
    focusItem(path, "last");
  }
  return (
    <div className="text-lines">
      {errors[path] ? <p className="field__error">{errors[path]}</p> : null}
      {items.map((item, i) => (
        // Lines have no ids of their own; the index is their identity while editing.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <div key={i} className="text-line" data-list={path}>
          <TextField
            label={label(i + 1)}
            value={item}
            maxLength={maxLength}
            error={errors[`${path}.${i}`]}
            onChange={(e) => onChange(replaced(items, i, e.target.value))}
          />
          <button
            type="button"
            className="button button--quiet"
            aria-label={t("plan.editor.removeLabel", { name: item || label(i + 1) })}
            onClick={() => {
              onChange(without(items, i));
              focusItem(path, i);
            }}
          >
            {t("plan.editor.remove")}
          </button>
        </div>
      ))}
      <button type="button" className="button" data-add={path} onClick={add}>
        {addLabel}
      </button>
    </div>
  );
}
