/** The default root-cause taxonomy; admins can edit it later, so the UI reads it from the database. */
export const DEFAULT_ROOT_CAUSES = [
  { slug: "product_quality", label: "Product quality" },
  { slug: "wait_time", label: "Wait time" },
  { slug: "staff_manner", label: "Staff manner" },
  { slug: "billing", label: "Billing" },
  { slug: "cleanliness", label: "Cleanliness" },
  { slug: "availability", label: "Availability" },
  { slug: "booking", label: "Booking" },
  { slug: "communication", label: "Communication" },
  { slug: "facilities", label: "Facilities" },
  { slug: "supplier", label: "Supplier" },
  { slug: "other", label: "Other" },
] as const;
