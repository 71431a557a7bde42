import { ComingSoon } from "@/components/coming-soon";

export const metadata = { title: "System-design notes" };

export default function Page() {
  return <ComingSoon title="System-design notes">One design a week from week 6, with a 45-minute timer, diagrams and a comparison with the real thing.</ComingSoon>;
}
