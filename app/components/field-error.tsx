import { useT } from "~/i18n/react";
import type { Key } from "~/i18n/translate";

/** A field's errors, translated; the messages in our zod schemas are catalogue keys. */
export function FieldError({ id, errors }: { id: string; errors: string[] | undefined }) {
  const t = useT();
  if (!errors?.length) return null;
  return (
    <p id={id} className="field-error" role="alert">
      {errors.map((error) => t(error as Key)).join(" ")}
    </p>
  );
}
