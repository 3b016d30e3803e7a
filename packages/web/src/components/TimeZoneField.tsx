import { zoneDisplayName } from "@cairn/core";
import { useMemo } from "react";
import { detectTimeZone, listTimeZones } from "../lib/dates.ts";
import { SelectField } from "./fields.tsx";

interface Props {
  label: string;
  hint: (detected: string) => string;
  value: string;
  error?: string | undefined;
  onChange: (zone: string) => void;
}

/** Every IANA zone the browser knows, by its current name, as a native select (a searchable picker on phones). */
export function TimeZoneField({ label, hint, value, error, onChange }: Props) {
  const detected = useMemo(detectTimeZone, []);
  const zones = useMemo(() => listTimeZones(value, detected), [value, detected]);
  return (
    <SelectField
      label={label}
      hint={hint(zoneDisplayName(detected))}
      error={error}
      name="timezone"
      value={value}
      onChange={(e) => onChange(e.target.value)}
    >
      {zones.map((zone) => (
        <option key={zone} value={zone}>
          {zoneDisplayName(zone)}
        </option>
      ))}
    </SelectField>
  );
}
