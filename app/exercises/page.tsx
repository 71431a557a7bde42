import { ComingSoon } from "@/components/coming-soon";

export const metadata = { title: "Exercises" };

export default function Page() {
  return <ComingSoon title="Exercises">TypeScript challenges solved in the browser and run against hidden tests in a sandbox.</ComingSoon>;
}
