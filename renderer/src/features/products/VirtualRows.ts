import { useEffect, useState } from 'react'

/** Which rows of a fixed-height list are visible in a scrolling container (plus overscan). */
export function visibleRange(
  scrollTop: number,
  viewport: number,
  rowHeight: number,
  count: number,
  overscan = 8,
): { start: number; end: number } {
  const first = Math.floor(scrollTop / rowHeight)
  const visible = Math.ceil(viewport / rowHeight)
  const start = Math.max(0, Math.min(first - overscan, count - visible - overscan))
  const end = Math.min(count, first + visible + overscan)
  return { start, end: Math.max(start, end) }
}

/**
 * Tracks a scroll container's scrollTop and height, to render only the visible rows.
 * Returns a callback ref (the container may mount after the first render).
 */
export function useScrollWindow<T extends HTMLElement>(
  fallbackHeight = 600,
): [(el: T | null) => void, { scrollTop: number; height: number }] {
  const [element, setElement] = useState<T | null>(null)
  const [state, setState] = useState({ scrollTop: 0, height: fallbackHeight })
  useEffect(() => {
    if (!element) return
    const measure = (): void =>
      setState({ scrollTop: element.scrollTop, height: element.clientHeight || fallbackHeight })
    measure()
    element.addEventListener('scroll', measure, { passive: true })
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => {
      element.removeEventListener('scroll', measure)
      observer.disconnect()
    }
  }, [element, fallbackHeight])
  return [setElement, state]
}
