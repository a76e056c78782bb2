import { SectionTabs } from "@/components/ui/section-tabs";

export type TrainerLink = { href: string; label: string };

/** The trainer area's tabs; the layout passes only the ones the visitor's role may open. */
export function TrainerNav({ links }: { links: TrainerLink[] }) {
  if (links.length < 2) return null;
  const tabs = links.map((link) =>
    link.href === "/trainer" ? { ...link, matches: ["/trainer"], prefix: "/trainer/cases" } : { ...link, prefix: link.href },
  );
  return <SectionTabs label="Training" tabs={tabs} />;
}
