import type { UsageReport } from "@/lib/keys/usage-report";
import { bucketLabel } from "./usage-buckets";

/** The chart's numbers as a table, newest first, for screen readers and anyone who wants exact counts. */
export function UsageTable({ id, report, caption }: { id: string; report: UsageReport; caption: string }) {
  const rows = [...report.points].reverse();
  return (
    <div id={id} className="overflow-hidden rounded-lg border border-border">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-muted text-xs text-muted-foreground">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              {report.granularity === "hour" ? "Hour" : "Day"}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Successful
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Failed
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border tabular-nums">
          {rows.map((point) => (
            <tr key={point.start}>
              <th scope="row" className="px-3 py-1.5 font-normal">
                {bucketLabel(point.start, report.granularity, "long")}
              </th>
              <td className="px-3 py-1.5 text-right">{point.success.toLocaleString()}</td>
              <td className="px-3 py-1.5 text-right">{point.failure.toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t border-border font-medium tabular-nums">
          <tr>
            <th scope="row" className="px-3 py-2 text-left">
              Total
            </th>
            <td className="px-3 py-2 text-right">{report.totals.success.toLocaleString()}</td>
            <td className="px-3 py-2 text-right">{report.totals.failure.toLocaleString()}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
