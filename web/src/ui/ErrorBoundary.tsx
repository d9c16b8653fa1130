import { Component, type ErrorInfo, type ReactNode } from "react";
import { ErrorDisplay } from "./ErrorDisplay";

interface State {
  error: Error | null;
}

/** Keeps the shell usable when one page throws (a failed lazy chunk, a rendering bug). */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  render() {
    if (this.state.error) {
      return <ErrorDisplay error={this.state.error} onRetry={() => window.location.reload()} fullPage />;
    }
    return this.props.children;
  }
}
