import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { ScopeUnit } from '@treem/shared';
import { useMe } from '../auth/SessionProvider.tsx';

const STORAGE_KEY = 'treem.orgUnit';

interface WorkingUnit {
  /** The unit chosen in the header; the org-unit browser starts from it. */
  unit: ScopeUnit | undefined;
  units: readonly ScopeUnit[];
  setUnitId: (id: string) => void;
}

const WorkingUnitContext = createContext<WorkingUnit | null>(null);

function readStored(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function WorkingUnitProvider({ children }: { children: ReactNode }) {
  const me = useMe();
  const units = me.user.scope;
  const [chosenId, setChosenId] = useState<string | null>(readStored);

  const setUnitId = useCallback((id: string) => {
    setChosenId(id);
    try {
      window.localStorage.setItem(STORAGE_KEY, id);
    } catch {
      // The choice then lasts for this page only.
    }
  }, []);

  const value = useMemo<WorkingUnit>(() => {
    // A stored choice from another account or an old scope is ignored, never trusted.
    const unit = units.find((u) => u.orgUnitId === chosenId) ?? units[0];
    return { unit, units, setUnitId };
  }, [units, chosenId, setUnitId]);
  return <WorkingUnitContext.Provider value={value}>{children}</WorkingUnitContext.Provider>;
}

export function useWorkingUnit(): WorkingUnit {
  const value = useContext(WorkingUnitContext);
  if (!value) throw new Error('useWorkingUnit outside WorkingUnitProvider');
  return value;
}
