import { notFound } from "next/navigation";

// Any path no page answers: the not-found page inside the app shell, with its navigation.
export default function MissingPage() {
  notFound();
}
