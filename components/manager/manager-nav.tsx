import { SectionTabs } from "@/components/ui/section-tabs";

const TABS = [
  { href: "/manager", label: "Live board", matches: ["/manager"] },
  { href: "/manager/cases", label: "Cases", prefix: "/manager/cases" },
  { href: "/manager/insights", label: "Insights", prefix: "/manager/insights" },
  { href: "/manager/improvements", label: "Improvements", prefix: "/manager/improvements" },
  { href: "/manager/held-steps", label: "Held steps", prefix: "/manager/held-steps" },
  { href: "/manager/tablets", label: "Tablets", prefix: "/manager/tablets" },
];

export function ManagerNav() {
  return <SectionTabs label="Manager" tabs={TABS} />;
}
