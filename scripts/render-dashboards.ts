import { mkdirSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { CareBowStack } from '../lib/carebow-stack';
import { STAGE_CONFIGS, type StageName } from '../lib/stages';

/**
 * `npm run dashboards [stage]`: synthesizes a stage (without bundling), takes the body of each
 * CloudWatch dashboard from the Monitoring nested stack's template, lays every widget out at its
 * x, y, width and height with its title and what it shows (metrics, expressions, alarms, text), and
 * screenshots that page with headless Chromium into `docs/dashboards/<dashboard name>.png`.
 * It draws no data: the picture shows what the dashboard asks CloudWatch for, not what it returns.
 */

/** One widget of a dashboard body, as CloudWatch reads it. */
export interface DashboardWidget {
  readonly type: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly properties: Record<string, unknown>;
}

export interface DashboardBody {
  readonly start?: string;
  readonly widgets: readonly DashboardWidget[];
}

export interface SynthesizedDashboard {
  /** `DashboardName`, e.g. `carebow-prod`. */
  readonly name: string;
  /** The body, its CloudFormation references written as `‹name›` (a nested stack parameter) or the stage's region. */
  readonly body: DashboardBody;
}

type CfnValue = string | { Ref: string } | { 'Fn::Join': [string, CfnValue[]] } | { 'Fn::GetAtt': [string, string] } | Record<string, unknown>;

interface CfnTemplateJson {
  readonly Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>;
}

/** A nested stack parameter's readable name: `referencetoCareBowprodDataAuditTable…Ref` → `DataAuditTable…`. */
const parameterName = (ref: string): string => ref.replace(/^referencetoCareBow[a-z]+/, '').replace(/Ref$/, '');

/** How {@link cfnText} writes what only CloudFormation knows. */
export interface CfnTextContext {
  /** The stage's region, for `AWS::Region`. */
  readonly region: string;
  /** A `Ref` (a nested stack parameter) as text. @default `‹name›`, shortened */
  readonly refText?: (ref: string) => string;
  /** The template's resources: an alarm's ARN is written `alarm:<its name>`. */
  readonly resources?: CfnTemplateJson['Resources'];
}

/**
 * A CloudFormation string (`Fn::Join` of literals, `Ref`s and `Fn::GetAtt`s) as text: the region as
 * given, an alarm's ARN as `alarm:<its name>`, any other reference as `‹name›`.
 */
export const cfnText = (value: CfnValue, context: CfnTextContext): string => {
  if (typeof value === 'string') return value;
  if ('Ref' in value && typeof value.Ref === 'string') {
    if (value.Ref === 'AWS::Region') return context.region;
    return context.refText !== undefined ? context.refText(value.Ref) : `‹${parameterName(value.Ref)}›`;
  }
  if ('Fn::Join' in value) {
    const [separator, parts] = value['Fn::Join'] as [string, CfnValue[]];
    return parts.map((part) => cfnText(part, context)).join(separator);
  }
  if ('Fn::GetAtt' in value) {
    const [logicalId, attribute] = value['Fn::GetAtt'] as [string, string];
    const alarmName = context.resources?.[logicalId]?.Properties?.['AlarmName'];
    return typeof alarmName === 'string' ? `alarm:${alarmName}` : `‹${logicalId}.${attribute}›`;
  }
  return '‹?›';
};

/** Every dashboard of a template (the Monitoring nested stack's), its body parsed. */
export const dashboardsOf = (template: CfnTemplateJson, context: Omit<CfnTextContext, 'resources'>): SynthesizedDashboard[] =>
  Object.values(template.Resources)
    .filter((resource) => resource.Type === 'AWS::CloudWatch::Dashboard')
    .map((resource) => {
      const text = (value: unknown): string => cfnText(value as CfnValue, { ...context, resources: template.Resources });
      return { name: text(resource.Properties!['DashboardName']), body: JSON.parse(text(resource.Properties!['DashboardBody'])) as DashboardBody };
    });

/** Synthesizes a stage the way `cdk synth` would (bundling skipped: the bodies do not depend on it) and returns its dashboards. */
export const synthDashboards = (stage: StageName): SynthesizedDashboard[] => {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const config = STAGE_CONFIGS[stage];
  const stack = new CareBowStack(app, `CareBow-${stage}`, { config });
  return dashboardsOf(Template.fromStack(stack.monitoring).toJSON() as CfnTemplateJson, { region: config.region });
};

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The grid: CloudWatch's 24 columns, and a height unit close to the console's. */
export const COLUMN_PX = 60;
export const ROW_PX = 34;

/** One line per series of a metric widget: `namespace · name · dim=value …  [label]`, expressions as written, hidden inputs marked. */
export const seriesLines = (metrics: readonly unknown[]): { text: string; axis: 'left' | 'right'; hidden: boolean }[] =>
  metrics.map((entry) => {
    const items = entry as unknown[];
    const last = items.at(-1);
    const options = (typeof last === 'object' && last !== null ? last : {}) as {
      label?: string;
      expression?: string;
      yAxis?: string;
      visible?: boolean;
      stat?: string;
      id?: string;
    };
    const axis = options.yAxis === 'right' ? 'right' : 'left';
    const hidden = options.visible === false;
    if (options.expression !== undefined) {
      return {
        text: `${options.id !== undefined ? `${options.id} = ` : ''}${options.expression}${options.label !== undefined ? `  [${options.label}]` : ''}`,
        axis,
        hidden,
      };
    }
    const plain = items.filter((item): item is string => typeof item === 'string');
    const [namespace, name, ...dimensions] = plain;
    const pairs: string[] = [];
    for (let i = 0; i + 1 < dimensions.length; i += 2) pairs.push(`${dimensions[i]}=${dimensions[i + 1]}`);
    const stat = options.stat !== undefined ? ` (${options.stat})` : '';
    return {
      text: `${namespace} · ${name}${stat}${pairs.length > 0 ? ` · ${pairs.join(' ')}` : ''}${options.label !== undefined ? `  [${options.label}]` : ''}`,
      axis,
      hidden,
    };
  });

/** The little Markdown text widgets use: `##` headings, paragraphs, **bold** and `code`. */
const markdownHtml = (markdown: string): string =>
  markdown
    .split(/\n{2,}/)
    .map((block) => {
      const inline = escapeHtml(block.replace(/^#+\s*/, ''))
        .replace(/\*\*([^*]+)\*\*/g, '<b>$1</b>')
        .replace(/`([^`]+)`/g, '<code>$1</code>');
      return block.startsWith('#') ? `<h3>${inline}</h3>` : `<p>${inline}</p>`;
    })
    .join('');

const widgetContent = (widget: DashboardWidget): string => {
  const p = widget.properties;
  if (widget.type === 'text') return markdownHtml(String(p['markdown'] ?? ''));
  if (widget.type === 'alarm') {
    const alarms = (p['alarms'] as string[] | undefined) ?? [];
    const names = alarms.map((arn) => arn.replace(/^alarm:carebow-[a-z]+-/, ''));
    return `<div class="kind">alarm status · ${alarms.length} alarms${p['sortBy'] !== undefined ? ` · sorted by ${escapeHtml(String(p['sortBy']))}` : ''}</div><p class="alarms">${escapeHtml(names.join(' · '))}</p>`;
  }
  if (widget.type === 'log') return `<pre class="query">${escapeHtml(String(p['query'] ?? ''))}</pre>`;
  const annotations = (p['annotations'] as { alarms?: string[] } | undefined)?.alarms ?? [];
  const lines = seriesLines((p['metrics'] as unknown[] | undefined) ?? []);
  const view = `${String(p['view'] ?? 'timeSeries')}${p['stacked'] === true ? ', stacked' : ''}${p['setPeriodToTimeRange'] === true ? ', whole range' : ''}`;
  return [
    `<div class="kind">${escapeHtml(view)}${annotations.length > 0 ? ` · ${escapeHtml(annotations.join(', '))}` : ''}</div>`,
    '<ul>',
    ...(lines.length === 0 && annotations.length > 0 ? ['<li>the alarm’s own metric, with its threshold</li>'] : []),
    ...lines.map((line) => `<li class="${line.axis}${line.hidden ? ' hidden' : ''}">${line.axis === 'right' ? '<b>R</b> ' : ''}${escapeHtml(line.text)}</li>`),
    '</ul>',
  ].join('');
};

/** The page for one dashboard: every widget a box at its grid position, with its title and content. */
export const renderDashboardHtml = (dashboard: SynthesizedDashboard): string => {
  const rows = Math.max(0, ...dashboard.body.widgets.map((w) => w.y + w.height));
  const boxes = dashboard.body.widgets.map((widget, index) => {
    const title = String(widget.properties['title'] ?? (widget.type === 'text' ? '' : '(untitled)'));
    const style = `left:${widget.x * COLUMN_PX}px;top:${widget.y * ROW_PX}px;width:${widget.width * COLUMN_PX - 8}px;height:${widget.height * ROW_PX - 8}px`;
    return `<section class="widget ${escapeHtml(widget.type)}" data-widget="${index}" data-x="${widget.x}" data-y="${widget.y}" data-width="${widget.width}" data-height="${widget.height}" style="${style}"><h2>${escapeHtml(title)}</h2>${widgetContent(widget)}</section>`;
  });
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(dashboard.name)}</title><style>
body{margin:0;padding:16px;background:#f2f3f3;font:12px/1.35 system-ui,sans-serif;color:#16191f}
h1{font-size:18px;margin:0 0 4px}p.note{margin:0 0 12px;color:#545b64}
.grid{position:relative;width:${24 * COLUMN_PX}px;height:${rows * ROW_PX}px}
.widget{position:absolute;box-sizing:border-box;background:#fff;border:1px solid #d5dbdb;border-radius:4px;padding:6px 8px;overflow:hidden}
.widget h2{font-size:13px;margin:0 0 4px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.kind{color:#687078;font-size:11px;margin-bottom:4px}
ul{margin:0;padding-left:14px}li{font:10.5px/1.3 ui-monospace,monospace;word-break:break-all;margin-bottom:2px}
li.right{color:#1d6fb8}li.hidden{color:#99a}
pre{margin:0;white-space:pre-wrap;font:11px/1.35 ui-monospace,monospace}
.widget.text p{margin:0 0 6px}.widget.text h3{margin:0 0 6px;font-size:14px}code{font:11px ui-monospace,monospace;background:#eef1f4;padding:0 2px}.widget.alarm{background:#fdf6ec}p.alarms{margin:0;font:10px/1.3 ui-monospace,monospace;color:#545b64}.widget.text{background:#f7fafc}
</style></head><body><h1>${escapeHtml(dashboard.name)}</h1><p class="note">Rendered from the synthesized template (scripts/render-dashboards.ts): each widget at its grid position, with the metrics and expressions it asks CloudWatch for. No data.</p><div class="grid">${boxes.join('')}</div></body></html>`;
};

/** The picture's file name: `operator` for `carebow-<stage>`, else the name's suffix (`compliance`). */
export const pictureName = (dashboardName: string, stage: string): string =>
  dashboardName === `carebow-${stage}` ? 'operator' : dashboardName.replace(`carebow-${stage}-`, '');

const main = async (): Promise<void> => {
  const stage = (process.argv[2] ?? 'prod') as StageName;
  if (!(stage in STAGE_CONFIGS)) throw new Error(`Unknown stage ${stage}: one of ${Object.keys(STAGE_CONFIGS).join(', ')}`);
  const { chromium } = await import('playwright-core');
  const outDir = new URL('../docs/dashboards/', import.meta.url);
  mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--disable-dev-shm-usage'] });
  try {
    for (const dashboard of synthDashboards(stage)) {
      const page = await browser.newPage({ viewport: { width: 24 * COLUMN_PX + 32, height: 800 } });
      await page.setContent(renderDashboardHtml(dashboard));
      const file = new URL(`${pictureName(dashboard.name, stage)}.png`, outDir);
      await page.screenshot({ path: file.pathname, fullPage: true });
      await page.close();
      console.log(`wrote ${file.pathname} (${dashboard.body.widgets.length} widgets)`);
    }
  } finally {
    await browser.close();
  }
};

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
