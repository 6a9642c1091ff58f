import { TextField, type ValidatedForm } from "./forms";

/** A new password ("password") and the same typed again ("confirm"), as the change and set-password pages ask. */
export function NewPasswordFields({ form, confirmLabel }: { form: ValidatedForm; confirmLabel: string }) {
  return (
    <>
      <TextField
        label="Mật khẩu mới"
        type="password"
        autoComplete="new-password"
        {...form.bindPassword("password")}
        hint="Ít nhất 10 ký tự, có cả chữ và số."
      />
      <TextField label={confirmLabel} type="password" autoComplete="new-password" {...form.bindPassword("confirm")} />
    </>
  );
}
