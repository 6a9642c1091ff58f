/**
 * Dates typed day/month/year and times on the 24-hour clock, whatever the browser's language (issue 20): a text
 * field ("06/12/2026", "07:30") with, for dates, a calendar in Vietnamese (react-day-picker, locale vi) that fills
 * it. The server reads what is typed (app/domain/shared/dates.ts), so the form works without a script too.
 */
import { useRef, useState } from "react";
import { DayPicker } from "react-day-picker";
import { vi } from "react-day-picker/locale";
import type { UseFormRegisterReturn } from "react-hook-form";
import { readDate, showDate } from "~/domain/shared/dates";
import { Field } from "./forms";

interface Props {
  label: string;
  reg: UseFormRegisterReturn;
  error?: string;
  hint?: string;
  defaultValue?: string;
  required?: boolean;
}

/** Tells react-hook-form (and the form) the input's new value, as typing would. */
function setTyped(input: HTMLInputElement, reg: UseFormRegisterReturn, text: string) {
  input.value = text;
  void reg.onChange({ target: input, type: "change" });
}

export function DateField({ label, reg, error, hint, defaultValue, required }: Props) {
  const input = useRef<HTMLInputElement | null>(null);
  const [open, setOpen] = useState(false);
  const [month, setMonth] = useState<Date | undefined>(undefined);
  const selected = () => {
    const iso = input.current ? readDate(input.current.value) : null;
    return iso ? new Date(`${iso}T00:00:00`) : undefined;
  };
  return (
    <Field label={label} error={error} hint={hint ?? "Ngày/tháng/năm, ví dụ 06/12/2026"}>
      {({ id, describedBy, invalid }) => (
        <div className="date-field">
          <input
            id={id}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            placeholder="dd/mm/yyyy"
            maxLength={10}
            defaultValue={showDate(defaultValue)}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            aria-required={required || undefined}
            {...reg}
            ref={(el) => {
              reg.ref(el);
              input.current = el;
              // react-hook-form writes its default (ISO, from the record) into the field: show it day/month/year.
              if (el && /^\d{4}-\d{2}-\d{2}$/.test(el.value)) el.value = showDate(el.value);
            }}
          />
          <button
            type="button"
            className="button button--ghost date-field__open"
            aria-expanded={open}
            aria-label="Mở lịch"
            title="Chọn trên lịch"
            onClick={() => {
              setMonth(selected());
              setOpen((o) => !o);
            }}
          >
            <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
              <path
                fill="currentColor"
                d="M7 2h2v2h6V2h2v2h3a1 1 0 0 1 1 1v15a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h3V2Zm12 8H5v9h14v-9ZM7 12h3v3H7v-3Z"
              />
            </svg>
          </button>
          {open ? (
            <div className="date-field__popover" role="dialog" aria-label="Lịch chọn ngày">
              <DayPicker
                mode="single"
                locale={vi}
                weekStartsOn={1}
                selected={selected()}
                month={month}
                onMonthChange={setMonth}
                captionLayout="dropdown"
                startMonth={new Date(2020, 0)}
                endMonth={new Date(2031, 11)}
                onSelect={(day) => {
                  if (day && input.current) {
                    const text = `${String(day.getDate()).padStart(2, "0")}/${String(day.getMonth() + 1).padStart(2, "0")}/${day.getFullYear()}`;
                    setTyped(input.current, reg, text);
                  }
                  setOpen(false);
                  input.current?.focus();
                }}
              />
            </div>
          ) : null}
        </div>
      )}
    </Field>
  );
}

export function TimeField({ label, reg, error, hint, defaultValue, required }: Props) {
  return (
    <Field label={label} error={error} hint={hint ?? "24 giờ, ví dụ 07:30 hoặc 14:00"}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder="hh:mm"
          maxLength={8}
          defaultValue={defaultValue}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          aria-required={required || undefined}
          className="time-field"
          {...reg}
        />
      )}
    </Field>
  );
}

/** A plain date input outside a validated form (filters, one-field forms): typed day/month/year. */
export function DateInput(props: {
  id: string;
  name: string;
  defaultValue?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
}) {
  return (
    <input
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder="dd/mm/yyyy"
      maxLength={10}
      className="date-input"
      {...props}
      defaultValue={showDate(props.defaultValue)}
    />
  );
}
