import { observeElementRect, useVirtualizer, type Rect, type Virtualizer } from '@tanstack/react-virtual'

/** The viewport assumed until the scroll container has a size (first paint, hidden tab, jsdom). */
const FALLBACK: Rect = { width: 1200, height: 720 }

function observeWithFallback<T extends Element>(
  instance: Virtualizer<T, Element>,
  cb: (rect: Rect) => void,
): (() => void) | undefined {
  return observeElementRect(instance, (rect) => cb(rect.height === 0 && rect.width === 0 ? FALLBACK : rect))
}

export interface VirtualRowsOptions {
  count: number
  getScrollElement: () => HTMLElement | null
  estimateSize: (index: number) => number
  overscan?: number
  horizontal?: boolean
  paddingStart?: number
  getItemKey?: (index: number) => string | number
  /**
   * Measure rendered rows (spread `virtualizer.measureElement` as `ref` with `data-index`): rows of
   * varying height. A row that measures 0 (not laid out yet, jsdom) keeps its estimate.
   */
  measure?: boolean
}

/**
 * TanStack Virtual with a fallback viewport: a list whose container is not laid out yet still
 * renders its first rows instead of nothing. Every long list of the app goes through it.
 */
export function useVirtualRows(options: VirtualRowsOptions): Virtualizer<HTMLElement, Element> {
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns functions by design
  return useVirtualizer<HTMLElement, Element>({
    count: options.count,
    getScrollElement: options.getScrollElement,
    estimateSize: options.estimateSize,
    overscan: options.overscan ?? 8,
    horizontal: options.horizontal ?? false,
    paddingStart: options.paddingStart ?? 0,
    ...(options.getItemKey ? { getItemKey: options.getItemKey } : {}),
    ...(options.measure
      ? {
          measureElement: (element: Element) => {
            const height = element.getBoundingClientRect().height
            const index = Number((element as HTMLElement).dataset.index)
            return height > 0 || !Number.isInteger(index) ? height : options.estimateSize(index)
          },
        }
      : {}),
    initialRect: FALLBACK,
    observeElementRect: observeWithFallback,
  })
}
