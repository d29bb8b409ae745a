import { type FormEvent, useState } from 'react';
import type { ContractRateView, ExpectedRateView, PayerSettingView } from '../../app/views.js';
import { api, contractRatesUrl, errorMessage } from '../api/client.js';
import { useAuth } from '../auth.js';
import { Field, InputField } from '../components/Field.js';
import { Empty, ListTable, Notice, PageHeader } from '../components/ui.js';
import {
  appNow,
  formatCents,
  formatCount,
  formatDate,
  formatInstant,
  parseDollars,
  plural,
} from '../format.js';
import { useListAction, useLoad, useTitle } from '../hooks.js';

const KIND_LABELS: Record<string, string> = {
  mpfs: 'MPFS (RVUs, GPCIs, localities)',
  opps: 'OPPS Addendum B',
  'ncci-practitioner': 'NCCI practitioner (PTP, MUE)',
  'ncci-hospital': 'NCCI outpatient hospital (PTP, MUE)',
  icd10cm: 'ICD-10-CM codes (fiscal year)',
};

const BASIS_LABELS: Record<NonNullable<ExpectedRateView['basis']>, string> = {
  contract: 'Contract',
  medicare: 'Medicare',
  national: 'National table',
};

const today = () => new Date(appNow()).toISOString().slice(0, 10);

/**
 * Rates & payers (`/rates`): the CMS releases loaded (installation-wide: every role sees which is in
 * force, who loaded it and when; only the installation operator uploads them), the practice's Medicare
 * locality, its payers' appeal windows, its contract rates, and what a code should pay with its basis
 * (contract > Medicare locality > national table). Admins and billers change the practice's; coders read.
 */
export function RatesPage() {
  useTitle('Rates & payers');
  const { can } = useAuth();
  if (!can.rates) {
    return (
      <>
        <PageHeader title="Rates & payers" />
        <p>The practice's rates and payer settings are for billers, coders and administrators.</p>
        <Releases />
      </>
    );
  }
  return (
    <>
      <PageHeader title="Rates & payers" />
      <p className="lead">
        What each line should pay: the payer's contract rate, else Medicare for the practice's locality from
        the CMS files loaded, else the bundled national table. After a change the stored charges and
        remittance lines are re-priced in the background.
      </p>
      <PayerNames />
      <ExpectedAmount />
      <Payers />
      <ContractRates />
      <Locality />
      <Releases />
    </>
  );
}

/** The practice's payer names, suggested in the payer fields (`list="payer-names"`). */
function PayerNames() {
  const payers = useLoad((signal) => api.payerSettings(signal), 'payer-names');
  return (
    <datalist id="payer-names">
      {payers.data?.map((p) => (
        <option key={p.payer} value={p.payer} />
      ))}
    </datalist>
  );
}

function ExpectedAmount() {
  const [form, setForm] = useState({
    code: '77412',
    modifiers: '',
    payer: '',
    placeOfService: '11',
    dateOfService: today(),
  });
  const [answer, setAnswer] = useState<ExpectedRateView | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      setAnswer(await api.expectedRate(form));
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  const field = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }),
  });
  return (
    <section aria-labelledby="expected-title" className="card">
      <h2 id="expected-title">Expected amount</h2>
      <form className="filters" onSubmit={(e) => void submit(e)} aria-label="Expected amount of a code">
        <div className="field">
          <label htmlFor="expected-code">Code</label>
          <input id="expected-code" size={6} required {...field('code')} />
        </div>
        <div className="field">
          <label htmlFor="expected-modifiers">Modifiers</label>
          <input id="expected-modifiers" size={6} placeholder="26" {...field('modifiers')} />
        </div>
        <div className="field">
          <label htmlFor="expected-payer">Payer</label>
          <input id="expected-payer" list="payer-names" {...field('payer')} />
        </div>
        <div className="field">
          <label htmlFor="expected-pos">Place of service</label>
          <select id="expected-pos" {...field('placeOfService')}>
            <option value="11">11 office</option>
            <option value="19">19 hospital outpatient (off campus)</option>
            <option value="22">22 hospital outpatient</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="expected-date">Date of service</label>
          <input id="expected-date" type="date" required {...field('dateOfService')} />
        </div>
        <button type="submit">Show</button>
      </form>
      <Notice kind="error">{error}</Notice>
      {answer ? (
        <p aria-live="polite" data-testid="expected-answer">
          {[answer.code, ...answer.modifiers].join('-')} on {formatDate(answer.dateOfService)}:{' '}
          <strong>{formatCents(answer.cents)}</strong> per unit —{' '}
          {answer.basis ? `${BASIS_LABELS[answer.basis]}: ${answer.label}` : 'no rate known for this code'}
        </p>
      ) : null}
    </section>
  );
}

function Payers() {
  const { can } = useAuth();
  const payers = useLoad((signal) => api.payerSettings(signal), 'payers');
  const { message, act } = useListAction(payers);
  const save = (p: PayerSettingView, change: PayerChange) =>
    act(
      () => api.savePayerSetting({ payer: p.payer, payerProfile: p.payerProfile, notes: p.notes, ...change }),
      (next) => savedMessage(p.payer, next),
    );
  return (
    <section aria-labelledby="payers-title">
      <h2 id="payers-title">Payers</h2>
      <p>
        Appeal-by dates on the Remittances page are the payment date plus the payer's window: the one set
        here, else by the payer's kind (Medicare 120 days, Medicare Advantage 60, others 180). A plan's name
        does not say whether it is a Medicare Advantage plan: set its kind.
      </p>
      <Notice kind="error">{payers.error}</Notice>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      <ListTable
        items={payers.data}
        loading={payers.loading}
        what="the payers"
        empty={<Empty title="No payers yet">Import courses; their payers appear here.</Empty>}
        caption="Payers and their appeal windows"
        columns={['Payer', 'Profile', 'Kind', 'Appeal window (days)', 'Notes']}
        row={(p) => (
          <PayerRow
            key={`${p.payer}-${p.payerKind ?? ''}-${p.appealDays}`}
            payer={p}
            editable={can.editRates}
            onSave={(change) => void save(p, change)}
          />
        )}
      />
    </section>
  );
}

/** The payer kinds a practice may declare ('' = by the profile and the claim filing indicator). */
const PAYER_KINDS: Record<string, string> = {
  '': 'kind by profile',
  medicare: 'Medicare',
  'medicare-advantage': 'Medicare Advantage',
  other: 'Other payer',
};

/** What a save changes: the payer's kind and its own window (null: the kind decides). */
type PayerChange = Pick<PayerSettingView, 'payerKind'> & { appealDays: number | null };

/** `Payer: Medicare Advantage, appeal window 60 days saved.`, from the settings as saved. */
function savedMessage(payer: string, next: readonly PayerSettingView[]): string {
  const saved = next.find((n) => n.payer === payer);
  const kind = saved?.payerKind ? `${PAYER_KINDS[saved.payerKind]}, ` : '';
  return `${payer}: ${kind}appeal window ${saved?.appealDays ?? '—'} days saved.`;
}

function PayerRow({
  payer,
  editable,
  onSave,
}: {
  payer: PayerSettingView;
  editable: boolean;
  onSave: (change: PayerChange) => void;
}) {
  const [days, setDays] = useState(String(payer.appealDays));
  const valid = /^\d{1,4}$/.test(days) && Number(days) >= 1;
  const id = `appeal-${payer.payer.replace(/\W+/g, '-')}`;
  return (
    <tr>
      <th scope="row">{payer.payer}</th>
      <td>{payer.payerProfile ?? '—'}</td>
      <td>
        {editable ? (
          <>
            <label htmlFor={`${id}-kind`} className="visually-hidden">
              Kind of payer of {payer.payer}
            </label>
            <select
              id={`${id}-kind`}
              value={payer.payerKind ?? ''}
              onChange={(e) =>
                onSave({
                  payerKind: (e.target.value || null) as PayerSettingView['payerKind'],
                  appealDays: payer.ownWindow ? payer.appealDays : null,
                })
              }
            >
              {Object.entries(PAYER_KINDS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </>
        ) : (
          PAYER_KINDS[payer.payerKind ?? '']
        )}
      </td>
      <td>
        {editable ? (
          <form
            className="rate-inline"
            onSubmit={(e) => {
              e.preventDefault();
              if (valid) onSave({ payerKind: payer.payerKind, appealDays: Number(days) });
            }}
          >
            <label htmlFor={id} className="visually-hidden">
              Appeal window of {payer.payer} in days
            </label>
            <input
              id={id}
              inputMode="numeric"
              size={5}
              value={days}
              aria-invalid={!valid}
              onChange={(e) => setDays(e.target.value)}
            />{' '}
            <button
              type="submit"
              className="secondary"
              disabled={!valid || Number(days) === payer.appealDays}
            >
              Save
            </button>
          </form>
        ) : (
          payer.appealDays
        )}
        {payer.ownWindow ? null : <span className="rate-default"> (by payer kind)</span>}
      </td>
      <td>{payer.notes ?? ''}</td>
    </tr>
  );
}

function ContractRates() {
  const { can } = useAuth();
  const rates = useLoad((signal) => api.contractRates(signal), 'contracts');
  const [form, setForm] = useState({
    payer: '',
    code: '',
    modifier: '' as ContractRateView['modifier'],
    rate: '',
    effectiveFrom: today(),
    effectiveTo: '',
  });
  const { message, act } = useListAction(rates);
  const cents = parseDollars(form.rate);

  function add(e: FormEvent) {
    e.preventDefault();
    if (cents === null) return;
    void act(
      () =>
        api.addContractRate({
          payer: form.payer,
          code: form.code.toUpperCase(),
          modifier: form.modifier,
          cents,
          effectiveFrom: form.effectiveFrom,
          effectiveTo: form.effectiveTo || null,
        }),
      `Contract rate for ${form.code.toUpperCase()} saved.`,
    );
  }
  const field = (key: 'payer' | 'code' | 'rate' | 'effectiveFrom' | 'effectiveTo') => ({
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }),
  });

  return (
    <section aria-labelledby="contracts-title">
      <h2 id="contracts-title">Contract rates</h2>
      <p>
        Per unit; a contract rate replaces Medicare for that payer, code and modifier between its dates.{' '}
        <a href={contractRatesUrl('csv')} download>
          Export CSV
        </a>{' '}
        ·{' '}
        <a href={contractRatesUrl('xlsx')} download>
          Export Excel
        </a>
      </p>
      <Notice kind="error">{rates.error}</Notice>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {can.editRates ? (
        <form className="filters card" onSubmit={add} aria-label="Add a contract rate">
          <InputField id="rate-payer" label="Payer" list="payer-names" required {...field('payer')} />
          <InputField
            id="rate-code"
            label="Code"
            required
            size={6}
            pattern="[A-Za-z0-9]{5}"
            {...field('code')}
          />
          <Field id="rate-modifier" label="Modifier">
            <select
              id="rate-modifier"
              value={form.modifier}
              onChange={(e) => setForm({ ...form, modifier: e.target.value as ContractRateView['modifier'] })}
            >
              <option value="">none (global)</option>
              <option value="26">26 professional</option>
              <option value="TC">TC technical</option>
            </select>
          </Field>
          <InputField
            id="rate-amount"
            label="Rate per unit ($)"
            required
            size={9}
            inputMode="decimal"
            aria-invalid={form.rate !== '' && cents === null}
            {...field('rate')}
          />
          <InputField id="rate-from" label="From" type="date" required {...field('effectiveFrom')} />
          <InputField id="rate-to" label="To (optional)" type="date" {...field('effectiveTo')} />
          <button type="submit" disabled={cents === null}>
            Add rate
          </button>
        </form>
      ) : null}
      <ListTable
        items={rates.data}
        loading={rates.loading}
        what="the contract rates"
        empty={<Empty title="No contract rates">Expected amounts come from Medicare.</Empty>}
        caption="Contract rates"
        columns={[
          'Payer',
          'Code',
          'Modifier',
          { label: 'Rate', num: true },
          'From',
          'To',
          ...(can.editRates ? [{ label: 'Actions', hidden: true }] : []),
        ]}
        row={(r) => (
          <tr key={r.id}>
            <td>{r.payer}</td>
            <td>{r.code}</td>
            <td>{r.modifier || '—'}</td>
            <td className="num">{formatCents(r.cents)}</td>
            <td>{formatDate(r.effectiveFrom)}</td>
            <td>{r.effectiveTo ? formatDate(r.effectiveTo) : 'open'}</td>
            {can.editRates ? (
              <td>
                <button
                  type="button"
                  className="secondary"
                  aria-label={`Delete the ${r.payer} rate for ${r.code}${r.modifier ? `-${r.modifier}` : ''} from ${r.effectiveFrom}`}
                  onClick={() =>
                    void act(() => api.deleteContractRate(r.id), `Contract rate for ${r.code} deleted.`)
                  }
                >
                  Delete
                </button>
              </td>
            ) : null}
          </tr>
        )}
      />
      {can.editRates ? <Upload target="contract" onDone={() => rates.reload()} /> : null}
    </section>
  );
}

/**
 * An upload, all or nothing, files recognised by their headers: the operator's CMS files of a release
 * (year, quarter; contract-rate CSVs beside them go to the practice), or the practice's contract-rate CSVs.
 */
function Upload({ target, onDone }: { target: 'cms' | 'contract'; onDone: () => void }) {
  const now = new Date(appNow());
  const [year, setYear] = useState(String(now.getUTCFullYear()));
  const [quarter, setQuarter] = useState(String(Math.floor(now.getUTCMonth() / 3) + 1));
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const cms = target === 'cms';
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const r = cms
        ? await api.importReference(files, { year: Number(year), quarter: Number(quarter) })
        : await api.importContractRates(files);
      setMessage({
        kind: 'success',
        text: cms
          ? `Imported ${formatCount(r.files.length, 'file')}: ${r.releases.length ? `${plural(r.releases.length, 'release')} ${r.releases.join(', ')}` : 'no CMS release'}; ${formatCount(r.contractRates, 'contract rate')}. Every practice is re-priced in the background.`
          : `Imported ${formatCount(r.contractRates, 'contract rate')} from ${formatCount(r.files.length, 'file')}.`,
      });
      onDone();
    } catch (err) {
      setMessage({ kind: 'error', text: `Nothing was imported: ${errorMessage(err)}` });
    } finally {
      setBusy(false);
    }
  }
  const id = `${target}-files`;
  return (
    <form
      className="filters card"
      onSubmit={(e) => void submit(e)}
      aria-label={cms ? 'Load CMS files for every practice' : 'Upload contract rates'}
    >
      <div className="field">
        <label htmlFor={id}>
          {cms ? 'CMS files or ICD-10-CM code file (every practice)' : 'Contract-rate CSV'}
        </label>
        <input
          id={id}
          type="file"
          multiple
          accept=".csv,.txt"
          onChange={(e) => setFiles([...(e.target.files ?? [])])}
        />
      </div>
      {cms ? (
        <>
          <div className="field">
            <label htmlFor="reference-year">Release year</label>
            <input
              id="reference-year"
              size={5}
              inputMode="numeric"
              value={year}
              onChange={(e) => setYear(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="reference-quarter">Quarter</label>
            <select id="reference-quarter" value={quarter} onChange={(e) => setQuarter(e.target.value)}>
              {['1', '2', '3', '4'].map((q) => (
                <option key={q}>{q}</option>
              ))}
            </select>
          </div>
        </>
      ) : null}
      <button type="submit" disabled={busy || files.length === 0}>
        {busy ? 'Importing…' : 'Upload'}
      </button>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
    </form>
  );
}

/** The practice's Medicare locality (its own setting), chosen among the localities of the stored releases. */
function Locality() {
  const { can } = useAuth();
  const locality = useLoad((signal) => api.locality(signal), 'locality');
  const [error, setError] = useState<string | null>(null);
  const current = locality.data?.carrier ? `${locality.data.carrier}-${locality.data.locality}` : '';
  async function choose(value: string) {
    const [carrier, number] = value.split('-');
    if (!carrier || !number) return;
    setError(null);
    try {
      const next = await api.setLocality({ carrier, locality: number });
      locality.setData(() => next);
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  return (
    <section aria-labelledby="locality-title">
      <h2 id="locality-title">Medicare locality</h2>
      <Notice kind="error">{error ?? locality.error}</Notice>
      <div className="field">
        <label htmlFor="practice-locality">Practice's Medicare locality</label>
        {can.editRates && locality.data?.choices.length ? (
          <select id="practice-locality" value={current} onChange={(e) => void choose(e.target.value)}>
            {current ? null : <option value="">not set</option>}
            {locality.data.choices.map((c) => (
              <option key={`${c.carrier}-${c.locality}`} value={`${c.carrier}-${c.locality}`}>
                {c.carrier}-{c.locality} {c.area}
                {c.state ? ` (${c.state})` : ''}
              </option>
            ))}
          </select>
        ) : (
          <output id="practice-locality">{current || 'not set (the operator loads a locality file)'}</output>
        )}
      </div>
    </section>
  );
}

/** The CMS releases every practice shares: which is in force, loaded when and by whom; the operator's upload. */
function Releases() {
  const { can } = useAuth();
  const releases = useLoad((signal) => api.releases(signal), 'releases');
  return (
    <section aria-labelledby="releases-title">
      <h2 id="releases-title">CMS reference data</h2>
      <p>
        Loaded by the installation operator for every practice; a practice sets only its own locality, payer
        settings and contract rates.
      </p>
      <Notice kind="error">{releases.error}</Notice>
      <ListTable
        items={releases.data}
        loading={releases.loading}
        what="the CMS releases"
        empty={
          <Empty title="No CMS files loaded">Expected amounts come from the bundled national table.</Empty>
        }
        caption="Loaded CMS releases"
        columns={['Release', 'Contents', 'Effective', 'In force', 'Rows', 'Files', 'Loaded', 'Loaded by']}
        row={(r) => (
          <tr key={r.id}>
            <th scope="row">{r.id}</th>
            <td>{KIND_LABELS[r.kind] ?? r.kind}</td>
            <td>
              {formatDate(r.effectiveFrom)} – {r.effectiveTo ? formatDate(r.effectiveTo) : 'until replaced'}
            </td>
            <td>{r.inForce ? 'in force' : '—'}</td>
            <td>
              {Object.entries(r.rows)
                .map(([k, n]) => `${k} ${n}`)
                .join(', ')}
            </td>
            <td>{r.sources.join(', ')}</td>
            <td>{formatInstant(r.importedAt)}</td>
            <td>{r.importedBy}</td>
          </tr>
        )}
      />
      {can.loadReference ? <Upload target="cms" onDone={() => releases.reload()} /> : null}
    </section>
  );
}
