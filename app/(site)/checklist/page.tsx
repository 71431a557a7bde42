import { ComingSoon } from "@/components/coming-soon";

export const metadata = { title: "Concept checklist" };

export default function Page() {
  return <ComingSoon title="Concept checklist">Every concept of the curriculum with your status, notes and the lessons that teach it.</ComingSoon>;
}
