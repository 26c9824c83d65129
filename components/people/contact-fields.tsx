import type { ActionResult } from "@/lib/actions/define-action";
import { Field, FieldErrorText } from "@/components/ui/field";

export interface ContactValues {
  name: string;
  title: string | null;
  email: string;
  phone: string | null;
  acceptsSms: boolean;
  acceptsEmail: boolean;
}

const blank: ContactValues = { name: "", title: null, email: "", phone: null, acceptsSms: true, acceptsEmail: true };

/** A contact's fields; `idPrefix` keeps labels tied to their own inputs when several forms share a page. */
export function ContactFields({ idPrefix, state, values = blank }: { idPrefix: string; state: ActionResult<unknown> | null; values?: ContactValues }) {
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field id={id("name")} label="Name" name="name" autoComplete="off" defaultValue={values.name} state={state} />
      <Field id={id("title")} label="Title" name="title" autoComplete="off" defaultValue={values.title ?? ""} state={state} />
      <Field id={id("email")} label="Email" name="email" type="email" autoComplete="off" defaultValue={values.email} state={state} />
      <Field id={id("phone")} label="Phone" name="phone" type="tel" autoComplete="off" placeholder="+1 555 010 0100" defaultValue={values.phone ?? ""} state={state} />
      <fieldset className="flex flex-col gap-1 sm:col-span-2">
        <legend className="text-sm font-medium text-slate-700">Page by</legend>
        <div className="flex gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input type="checkbox" name="acceptsSms" defaultChecked={values.acceptsSms} /> By SMS
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="acceptsEmail" defaultChecked={values.acceptsEmail} /> By email
          </label>
        </div>
        <FieldErrorText state={state} name="channels" />
      </fieldset>
    </div>
  );
}
