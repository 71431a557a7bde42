import { ComingSoon } from "@/components/coming-soon";

export const metadata = { title: "Weekly retrospectives" };

export default function Page() {
  return <ComingSoon title="Weekly retrospectives">One retrospective per week, written from the plan&apos;s five questions and reviewed side by side.</ComingSoon>;
}
