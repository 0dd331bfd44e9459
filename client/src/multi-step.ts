/**
 * A sequence of quick picks and input boxes with a Back button on every step but the first,
 * and Escape to cancel at any step: the shape of "Add binding". Each step is a function that
 * asks one thing (or nothing, when the answer is known) and returns the next step; Back re-runs
 * the previous step that asked.
 */
import * as vscode from "vscode";

export type Step = (input: MultiStepInput) => Promise<Step | undefined>;

export type StepInput = vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox;

/**
 * The step on screen, if any: lets tests wait for a step instead of sleeping, then answer it
 * through its quick pick or input box (see WranglerBindingsApi).
 */
let shown: { readonly question: string; readonly input: StepInput } | undefined;
export function currentPrompt(): string | undefined {
  return shown?.question;
}
export function currentInput(): StepInput | undefined {
  return shown?.input;
}

/** Thrown inside a step when the user pressed Back; the driver catches it. */
class GoBack extends Error {}

export class MultiStepInput {
  /** The steps that asked, up to the one running now. */
  private readonly history: Step[] = [];
  private asked = false;

  constructor(private readonly title: string) {}

  /** Runs the steps from the first; resolves true when they all completed, false if cancelled. */
  async run(first: Step): Promise<boolean> {
    let step: Step | undefined = first;
    while (step) {
      this.history.push(step);
      this.asked = false;
      try {
        const next: Step | undefined = await step(this);
        // Going back to a step that asks nothing would only come forward again.
        if (!this.asked) this.history.pop();
        step = next;
      } catch (error) {
        if (error instanceof Cancelled) return false;
        if (!(error instanceof GoBack)) throw error;
        // Drop the step that went back, then run the one before it again.
        this.history.pop();
        step = this.history.pop();
        if (!step) return false;
      }
    }
    return true;
  }

  async pick<T extends vscode.QuickPickItem>(options: {
    placeholder: string;
    items: readonly T[];
    /** Accept what the user typed when it matches no item (for open-ended choices). */
    acceptTyped?: (value: string) => T;
  }): Promise<T> {
    const picker = vscode.window.createQuickPick<T>();
    picker.title = this.title;
    picker.step = this.history.length;
    picker.placeholder = options.placeholder;
    picker.items = options.items;
    picker.ignoreFocusOut = true;
    picker.buttons = this.history.length > 1 ? [vscode.QuickInputButtons.Back] : [];
    return this.settle<T>(picker, options.placeholder, (done, fail) => [
      picker.onDidTriggerButton(() => fail(new GoBack())),
      picker.onDidAccept(() => {
        const chosen = picker.selectedItems[0];
        if (chosen) done(chosen);
        else if (options.acceptTyped && picker.value) done(options.acceptTyped(picker.value));
      }),
    ]);
  }

  async ask(options: {
    prompt: string;
    value?: string;
    placeholder?: string;
    /** Why the value cannot be used, or undefined when it can; may ask the server. */
    validate: (value: string) => Promise<string | undefined>;
  }): Promise<string> {
    const box = vscode.window.createInputBox();
    box.title = this.title;
    box.step = this.history.length;
    box.prompt = options.prompt;
    box.value = options.value ?? "";
    box.placeholder = options.placeholder;
    box.ignoreFocusOut = true;
    box.buttons = this.history.length > 1 ? [vscode.QuickInputButtons.Back] : [];
    let checked = Promise.resolve<string | undefined>(undefined);
    const check = (value: string) => {
      checked = options.validate(value);
      void checked.then((message) => {
        if (box.value === value) box.validationMessage = message;
      });
    };
    check(box.value);
    return this.settle<string>(box, options.prompt, (done, fail) => [
      box.onDidTriggerButton(() => fail(new GoBack())),
      box.onDidChangeValue(check),
      box.onDidAccept(async () => {
        const value = box.value;
        box.busy = true;
        const message = await options.validate(value);
        box.busy = false;
        if (message === undefined) done(value);
        else box.validationMessage = message;
      }),
    ]);
  }

  private settle<T>(
    input: StepInput,
    question: string,
    listen: (done: (value: T) => void, fail: (error: Error) => void) => vscode.Disposable[],
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const disposables = listen(
        (value) => {
          settled = true;
          resolve(value);
          input.hide();
        },
        (error) => {
          settled = true;
          reject(error);
          input.hide();
        },
      );
      disposables.push(
        input.onDidHide(() => {
          // The workbench reports the hide after the next step has shown its own input.
          if (shown?.input === input) shown = undefined;
          disposables.forEach((d) => d.dispose());
          input.dispose();
          if (!settled) resolve(CANCELLED as T);
        }),
      );
      input.show();
      this.asked = true;
      shown = { question, input };
    }).then((value) => {
      if (value === CANCELLED) throw new Cancelled();
      return value;
    });
  }
}

/** Escape on any step: the whole input stops. */
export class Cancelled extends Error {}
const CANCELLED = Symbol("cancelled");
