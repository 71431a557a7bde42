import { ComingSoon } from "@/components/coming-soon";

export const metadata = { title: "The 20-week plan" };

export default function Page() {
  return <ComingSoon title="The 20-week plan">Weekly projects, theory checkpoints, success criteria and hours, tracked week by week.</ComingSoon>;
}
