/// Every key a person-facing text is looked up by.
public enum TextKey: String, Sendable, CaseIterable {
    // Status words
    case statusOptimal, statusFeasible
    case payoutDraft, payoutApproved, payoutExported, payoutVoid, payoutSuperseded
    // roster.html
    case rosterTitle, rosterSub, rosterTarget
    case kpiServiceLevel, kpiPaidHours, kpiLabourCost, kpiUnderstaffed, kpiOverstaffed, kpiShifts, kpiViolations
    case coverageHeading, legendOnPhones, legendOnBreak, legendRequired, legendShortfall, legendSameScale
    case timelineHeading, controlShow, controlWeek, controlTeam, controlAllTeams, controlName, controlFilter, controlBreakAt
    case legendShift, legendBreak, legendLate, legendChosenTime
    case agentsHeading, colAgent, colName, colTeam, colContract, colPaidHours, colContractHours, colLateShifts, colWeekendDays, dayOff
    case dayProjectedSL, dayClosed, dayShortfall
    case jsAgents, jsOnBreak, jsNobody, jsShown, jsLate, jsWeekend, jsColon, jsComma
    // Statements
    case statementTitle, statementIndexTitle, statementSub, statementAgent, statementPeriod, statementRun, statementState
    case statementAdjusts, statementApprovedBy, statementStampDraft, statementStampSuperseded, statementStampVoid
    case statementNoComponent, statementPaysHeading, statementCode, statementNowDue, statementPaidBefore, statementThisRun
    case statementAdjustmentNote, statementTotal, statementThisRunPays, statementFooter, statementIndexSub, statementTotalColumn
    // compare.html
    case compareTitle, compareSub, compareCoverageHeading, compareCostHeading, compareLabourBar, compareSLBar, compareCostAgainst, compareMeasure
    case compareLegend, compareUnprovenPair, compareUnprovenNote, compareCurveCost, compareCurveLevel
    case mContacts, mRequiredAgentHours, mPaidHours, mLabourCost, mUnderstaffed, mServiceLevelWeek, mServiceLevelWorstDay, mOccupancy
    case mBonusTotal, mCostPerContact, mSolverGap, mAgents, mOverstaffed, mAbandonRate, mSolverStatus
    // forecast.html
    case forecastTitle, forecastSub, forecastLegendHistory, forecastLegendBacktest, forecastLegendForecast, forecastBacktestHeading
    case forecastBacktestNote, forecastColWeek, forecastColMethod, forecastColWAPEContacts, forecastColWAPEAHT, forecastAxis
    case forecastMethodTrimmed, forecastMethodNaive, forecastAllWeeks
    // Command summaries
    case cliRosterSummary, cliRosterBound, cliRun, cliWrote
    case cliRosterScenario, cliRosterStatus, cliRosterHours, cliRosterViolations
    case cliStaffScenario, cliStaffPeak, cliStaffPeakAt
    case cliValidateRoster, cliValidateCoverage
    case cliBonusPaid, cliBonusAdjustment
    case cliCompareHeader, cliCompareDone
    case cliStatements, cliStatementsWrote, cliExported, cliExportedAgain
    case cliForecastFrom, cliForecastExcluded, cliForecastTotal, cliForecastAdjusted, cliForecastBacktest, cliForecastNoBacktest
    case cliQASample, cliQAScore, cliProblems, cliProblemsNothingWritten
    case explainPays, explainTotal
    case progModel, progWithoutFairness, progFirst, progWeekBound, progStoppedEarly, progHeuristic, progDive, progSearch, progChosen
    case progLevelling, progGroups, progDays, progPairs, progRedive, progSpreads, progRostering, progSearching, progNoneYet
    // Messages of the readers (the common ones)
    case errMapping, errMappingFix, errUnknownKey, errDidYouMean, errKnownKeys, errMissingKey, errMissingKeyFix, errSingleValue, errEmptyName, errEmptyNameFix
    case errNumber, errNumberFix, errRange, errRangeFix, errWhole, errWholeFix, errAtLeast, errAtLeastFix, errAtMost, errAtMostFix
    case errBool, errList, errListFix, errColumnMissing, errColumnUnknown, errColumnTwice, errColumnTwiceFix
    case kindScalar, kindMapping, kindList, kindNothing, errKnownColumns, warnBandFrom, warnBandTo, warnBandFix, controlSummary
    case agEmptyID, agUniqueFix, agIDTwice, agUnknownContract, agCost, agCostFix, agUnavailableOutside, agUnavailableBad, agUnavailableFix
    case agDayOffBad, agDayOffFix, agWindow, agWindowFix, agNoAgents, agNoAgentsFix, agTime, agTimeFix
    case rangeAnd, notAvailable, eligibilityLabel, explainEnglishNote, progCompared, ariaCoverage
    case fcNoRows, fcNoRowsFix, fcContactsNegative, fcContactsNegativeFix, fcContactsNumber, fcContactsNumberFix, fcAHTNegative, fcAHTNegativeFix
    case fcAHTNumber, fcAHTNumberFix, fcAHTMissing, fcAHTMissingFix, fcNotDateTime, fcNotDateTimeFix, fcOutsideWeek, fcOutsideWeekFix
    case fcMisaligned, fcMisalignedFix, fcTwice, fcTwiceFix, fcEmpty
    case mtPeriodCell, mtPeriodCellFix, mtEmptyID, mtEmptyIDFix, mtTwoRows, mtTwoRowsFix, mtUnknownAgent, mtCheckID, mtNotNumber, mtCommaFix, mtNotNumberFix
    case mtNoRows, mtNoRowsAdd, mtNoRowsHolds, mtColumnMissing, mtColumnMissingFix, mtRename
    case scInterval, scIntervalFix, scNoDemand, scNoDemandFix, scBothDemand, scBothDemandFix, scWeekStart, scWeekStartFix, scNotMonday, scNotMondayFix
    case scQueueModel, scQueueModelFix, scPatience, scPatienceFix, scLengthMultiple, scLengthMultipleFix, scWindow, scWindowFix
    case scNoShiftFits, scNoShiftFitsFix, scContractsEmpty, scContractsEmptyFix, scMinAboveMax, scMinAboveMaxFix
    // Words that join a list; units of time
    case wordOr, wordAnd, listComma, unitHours, unitMinutes, unitHoursMinutes
    // The bonus plan: the plan file, its expressions, one agent's calculation, the payroll map
    case plPrevDerivedIn, plPrevDerivedInFix, plHonourFiner, plHonourFinerFix, plDeductionFiner, plDeductionFinerFix, plNameUsed, plNameUsedFix
    case plHonourTwice, plHonourTwiceFix, plHonourNotScorecard, plNameScorecardFix, plHonourNoScorecard, plAddScorecard, plScorecards, plWithin
    case plWithinFix, plHonourNoCode, plHonourNoCodeFix, plPeriod, plPeriodFix, plEffectiveOrder, plEffectiveOrderFix, plEffectiveCover
    case plEffectiveCoverFix, plDate, plDateFix, plRoundingMode, plRoundingModeFix, plMissingRule, plMissingRuleFix, plSingleExpression
    case plSingleExpressionNumberFix, plSingleExpressionConditionFix, plWhatMetric, plWhatGate, plMetricsMapping, plMetricsMappingFix, plMetricName
    case plMetricNameFix, plPrevDerived, plPrevDerivedFix, plMetricSelf, plMetricSelfFix, plMetricLater, plMetricLaterFix, plEligibilityList
    case plEligibilityListFix, plGatesMapping, plGatesMappingFix, plOneMetric, plOneMetricFix, plNameUsedLine, plNameUsedLineFix, plSplit
    case plSplitFix, plPoolNotScorecard, plPoolNoComponent, plScorecardComponents, plPoolNoScore, plPoolNoScoreFix, plComponentTwice
    case plComponentTwiceFix, plRequiresList, plRequiresListFix, plUnknownGate, plDefineGate, plDefinedGates, plRequiresMinMapping
    case plRequiresMinMappingFix, plNotMetricName, plNotMetricNameFix, plScorecardAndTiers, plScorecardAndTiersFix, plPaysFromNothing
    case plPaysFromNothingFix, plBetter, plBetterFix, plTierMode, plTierModeFix, plLowerOnlyStep, plLowerOnlyStepFix, plEmpty, plAddBand
    case plAddMeasure, plAddGrade, plBandBoth, plBandBothFromFix, plBandBothToFix, plBandUsesTo, plBandUsesFrom, plBandUsesToFix, plBandUsesFromFix
    case plBandValue, plDelete, plBandsSame, plMergeFix, plBandsOrder, plBandsOrderFromFix, plBandsOrderToFix, plWeights, plWeightsFix, plGradesSame
    case plGradeTwice, plGradeTwiceFix, plGradesOrder, plGradesOrderFix, plMoreTiers, plMoreTiersFix, plMorePoints, plMorePointsFix
    case plGradeCoefficient, plGradeCoefficientFix, plBandFrom, plBandTo, plPointsUnit, plFirstBandNegative, plBandFalls, plNegativeRate, plPayDrops
    case exUnknownOperator, exWrite, exWriteCompare, exOnlyArithmeticPower, exOnlyArithmetic, exQuote, exQuoteFix, exComma, exCommaFix, exCharacter
    case exCharacterFix, exInvalidNumber, exWriteLeadingZero, exWriteEither, exPlainDecimal, exNumberRange, exNumberRangeFix, exLowerCase, exEmpty
    case exEmptyFix, exChained, exChainedFix, exFunction, exFunctionFix, exPrevName, exPrevNameFix, exPrevClose, exPrevCloseFix, exUnclosed
    case exUnclosedFix, exUnexpectedClose, exUnexpectedCloseFix, exMissingOperand, exTheStart, exMissingOperandFix, exUnexpectedNot
    case exUnexpectedNotFix, exUnexpected, exUnexpectedFix, exUnexpectedOpen, exUnexpectedOpenFix, exWhatName, exWhatNumber, exInside, exInsideFix
    case exAfter, exAfterFix, exTooLong, exTooLongFix, exNeedCondition, exNeedConditionFix, exNeedNumber, exNeedNumberFix, exUnaryMinus
    case exOperandCondition, exOperandConditionFix, exOperandNumber, exOperandNumberFix
    case pwTooMuch, pwTooMuchFix, pwUndefined, pwUndefinedFix, pwProration, pwProrationFix, pwProrationNegative, pwProrationNegativeFix
    case pwDeductionNegative, pwDeductionNegativeFix
    case pmPayDate, pmPayDateFix, pmMapping, pmEmployeesFix, pmEarningsFix
    // The input files: scenario, YAML, CSV, reading a file, --vary, quality inspection, history, metrics, roster and coverage sheets
    case scNotMapping, scNotMappingFix, scExtendsOne, scExtendsOneFix, scExtendsDeep, scExtendsDeepFix, scExtendsCycle, scExtendsCycleFix, scName
    case scNameFix, scErlangAOnly, scErlangAOnlyFix, scLengthDay, scLengthDayFix, scLengthTwice, scLengthsEmpty, scLengthsEmptyFix, scStep
    case scStepFix, scEarliestGrid, scEarliestGridFix, scBreakGrid, scBreakGridFix, scBreakName, scBreakNameFix, scBreakFit, scBreakFitFix
    case scContractsMapping, scContractsMappingFix, scContractName, scContractNameFix, scContractLength, scContractLengthFix, scBonusPeriod
    case scBonusPeriodFix, scContractsDefined, scHireContract, scHireID, scHireIDFix
    case agContractsDefined
    case fcWorkloadAdjusted, fcWorkload, fcWorkloadFix, fcQueues, fcQueuesFix, fcCoarser, fcCoarserFix, fcContactsLimit, fcContactsLimitFix
    case fcAHTLimit, fcAHTLimitFix, fcRequired, fcRequiredFix
    case ymPlainKey, ymPlainKeyFix, ymKeyTwice, ymKeepOne, ymSomeKeyTwice, ymSyntax, ymSyntaxFix, ymCannotRead, ymCannotReadFix, ymTooMany
    case ymTooManyFix, ymEarningsCode, ymEarningsCodeFix, ymCurrency, ymCurrencyFix, ymOutside, ymOutsideFix, ymHours, ymHoursFix, ymWholeMinutes
    case ymWholeMinutesFix, ymAtLeastHours, ymAtLeastHoursFix, ymMinute, ymMinutes, ymClock, ymClockFix, ymUpTo
    case cvAfterQuote, cvAfterQuoteFix, cvUnclosed, cvUnclosedFix, cvEmpty, cvEmptyFix, cvNoName, cvNoNameFix, cvMoreIgnored, cvMoreIgnoredFix
    case cvLonger, cvMoreRow, cvMoreRows, cvLongerFix, cvControl, cvControlFix, cvLength, cvLengthFix
    case tfNoSuchFile, tfLinkNowhere, tfFolder, tfUnreadable, tfCannotReadFrom, tfCannotRead, tfUTF16, tfUTF16Fix, tfNotUTF8, tfNotUTF8Fix
    case dgTooMany, dgTooManyFix, dgMoreWarnings, numHalfWidthFix
    case ovDidYouMean, ovNumericKeys, ovNotNumericKey, ovNotNumber
    case qaContactEmpty, qaContactEmptyFix, qaAgentEmpty, qaAgentEmptyFix, qaStart, qaStartFix, qaContactTwice, qaContactTwiceFix, qaCriterionTwice
    case qaCriterionTwiceFix, qaWeights, qaWeightsFix, qaScoredTwice, qaScoredTwiceFix, qaOtherAgent, qaOtherAgentFix, qaNotSampled, qaNotSampledFix
    case qaScore, qaScoreFix
    case hiStart, hiStartFix, hiNoRows, hiNoRowsFix, hiSpacing, hiSpacingFix, hiMixed, hiMixedFix, hiTwice, hiQueue, hiTwiceFix, hiTwiceQueueFix
    case hiGap, hiGapFix, hiDate, hiDateFix, hiKind, hiKindFix, hiFactor, hiFactorFix, hiExcludeFactor, hiDayTwice, hiDayTwiceFix
    case mtPrevTwoRows, mtPrevNotNumber, mtPrevNotNumberFix, mtOutside, mtOutsideFix
    case rsDateTime, rsEmpty, rsIntervalStartFix, rsAgents, rsAgentsFix, rsAgentsEmptyFix, rsEffective, rsEffectiveFix, rsEffectiveEmptyFix, rsLevel
    case rsLevelFix, rsPinHint, rsPinAgent, rsPinAgentFix, rsBaselineAgent, rsBaselineAgentFix, rsOutsideWeek, rsOutsideWeekFix, rsOtherDay
    case rsOtherDayFix, rsEnd, rsEndFix, rsSecondShift, rsSecondShiftFix, rsAgentEmptyFix, rsDate, rsDateFix, rsPaid, rsPaidFix, rsPaidEmptyFix
    case rsCellEmptyFix, rsPinned, rsPinnedFix, rsWriteDate, rsWriteDateTime, rsBreak, rsBreakFix
    // The hard rules: the roster validator, the coverage check, why no roster exists
    case rvWho, rvNone, rvOn, rvDay, rvDays, rvAgent, rvAgents, rvInterval, rvIntervals, rvPinMissing, rvPinMissingFix, rvPinMoved, rvPinMovedFix
    case rvPinBreaks, rvPinBreaksFix, rvUnknownAgentHint, rvUnknownAgent, rvUnknownAgentFix, rvName, rvNameFix, rvEndBeforeStart
    case rvEndBeforeStartFix, rvOutsideWeek, rvOutsideWeekFix, rvOtherDay, rvOtherDayFix, rvStartGrid, rvStartAtEither, rvOwnEarliest, rvOwnLatest
    case rvTooEarly, rvTooEarlyFix, rvMeasured, rvTooLate, rvTooLateFix, rvUnavailable, rvUnavailableFix, rvMakeLong, rvEndAt, rvLength
    case rvContractLength, rvContractLengthNoneFix, rvContractLengthFix, rvNoUnpaid, rvLessUnpaid, rvBreakOf, rvPaid, rvWrite, rvSecondShift
    case rvSecondShiftFix, rvOverlap, rvShortRest, rvMinRest, rvRestFix, rvConsecutive, rvConsecutiveFix, rvDaysOff, rvDaysOffFix, rvStartSpread
    case rvStartSpreadFix, rvMaxDays, rvMaxDaysFix, rvAboveMax, rvAboveMaxFix, rvBelowMin, rvBelowMinFix, rvNoShift, rvNoShiftFix, rvBreakBackwards
    case rvBreakBackwardsFix, rvBreakOutside, rvBreakOutsideFix, rvBreakGrid, rvBreaksOverlap, rvBreaksOverlapFix, rvBreaksFrom, rvNoBreaksDefined
    case rvNoBreakTaken, rvNoBreakTakenFix, rvBreakEarly, rvBreakLate, rvBreakLength, rvMakeIt, rvStartItEither, rvStartItLater, rvEndBy
    case rvBreakExtra, rvRemove, rvBreakUnmatched, rvBreakUnmatchedFix, rvBreakMissing, rvPaidBreak, rvUnpaidBreak, rvBreakMissingAddFix
    case rvBreakMissingFix, rvViolation, rvViolations, rvMismatch, rvMismatches
    case coFix, coOutsideWeek, coDeleteRow, coGrid, coGridFix, coTwice, coTwiceFix, coInterval, coCell, coWrite, coRequired, coScheduled, coOnBreak
    case coShortfall, coEffective, coLevel, coLevelEmpty, coMissing, coMissingFix
    case roAgent, roUnavailableAllWeek, roNoShiftFits, roContractRange, roPinsAgainst, roPinsAgainstAll, roFewDay, roFewDays, roWhileKeeping
    case roNoWeek, roContractHours, roFairness, roMaxConsecutive, roMaxDays, roStartSpread, roDaysOff, roNeededDay, roNeededDays, roCanWorkDay
    case roCanWorkDays, roNoShiftOn, roDaysOffRule, roMinRest, roOneShift, roPinned, roPinnedShift, roSecondPin, roPinUnavailable, roPinLength
    case roPinWindow, roPinNotAllowed, roPinBreaks, roNoRoster, roContradict, roBreaksHardRules, roInfeasible, roInfeasibleFix
    // Runs: payroll exports, the commands' own checks, the database, output folders, the command line
    case prGeneric, prNeedsMap, prNeedsMapFix, prTotals, prTotalsFix, prAdpCoCode, prAdpBatchID, prAdpCode, prPaychexClientID, prPaychexComponent
    case prGustoColumn, prMissing, prMissingFix, prAdpCompany, prAdpCompanyFix, prAdpBatch, prAdpBatchFix, prAdpNoFileNumber, prAdpNoFileNumberFix
    case prAdpFileNumber, prAdpFileNumberFix, prAdpCodeInvalid, prAdpCodeInvalidFix, prRun, prAgent, prAgents, prAdpBack, prAdpPaid, prAdpAmountFix
    case prPaychexPayDate, prPaychexPayDateFix, prPaychexClient, prPaychexClientFix, prPaychexNoWorker, prPaychexNoWorkerFix, prPaychexWorker
    case prPaychexWorkerFix, prPaychexComponentInvalid, prPaychexComponentInvalidFix, prPaychexZero, prPaychexBack, prPaychexBackFix, prTooLarge
    case prTooLargeFix, prGustoNames, prGustoNamesFix, prGustoFormula, prGustoFormulaFix, prGustoColumnInvalid, prUseOneOf, prGustoID, prGustoIDFix
    case prGustoSameName, prGustoSameNameFix, prGustoBack, prGustoBackFix, prGustoLarge, prNoEmployee, prNoEmployeeFix, prNoEarning, prNoEarningFix
    case prNoTarget, prNoTargetFix, prDuplicate, prDuplicateFix
    case boFinerRounding, boFinerRoundingFix, boStoredAmount, boRestoreFix, boNoDetail, boNoDetailFix, boRunAgents, boNotInRun
    case cmVaryForm, cmVaryValues, cmSameName, cmSameNameFix
    case foLaterDay, foLaterDays, foLaterFix, foFewDay, foFewDays, foFewFix, foShort, foShortFix, foExclude, foExcludeFix, foAdjust, foAdjustFix
    case foBlind, foBlindFix
    case poDecimals, poDecimalsFix, poStoredAmount, poNotPayout, poNotPayoutFix, poDetailAmount, poApproved, poVoided, poNoDatabase, poNone
    case rnNoDatabase, rnNone, rnNoResult, rnNoResultFix, rnLPPlace, rnFilesPlace, rnChangeWeight, rnChangeWeightFix, rnExportName, rnExportFolder
    case rnExportInput
    case vaNotComparedRow, vaNotComparedRows, vaNotComparedFix
    case stNewer, stNotDatabase, stBusy, stUnknownRun, stForeign, stNotFile, stNoFolder, stMissing, stFailed, stSQLiteError, stVoidNoApprove
    case stAlready, stNoStatusApprove, stItsPeriod, stComputedBefore, stAdjustsOther, stOtherPlanPays, stSuperseded, stAlreadyVoid, stNeverChanges, stNoStatusVoid, stDraft
    case stTampered, stNotPayout
    case ouCannotWrite, ouEmpty, ouRoot, ouWorking, ouFile, ouParent, ouStaging, ouCannotList, ouCrowded, ouNotPlain, ouListFolder, ouMove
    case ouReplace, ouCarry
    case clNotCompared, clMoreNotShown, clMoreWarnings, clPeriod, clNameScenario, clCompareTwo, clDatabase, clWeekDate, clWeekMonday, clRunID
    case clReason, clFormatMap, clMapGeneric, clPerAgent, clTimeLimit, clMipGap, clCoverageBoth, clNameCommand, clNotCommand, clNotCommandHint
    // The web application (`serve`) and the recorded runs it opens
    case wbRunReason, wbNotRoster, wbNoScenario, wbNoCopies, wbOutside, wbLayout, wbNoLoad, wbAbsolute, wbNoRosterCSV, wbUnreadableRows
    case wbRefusedOne, wbRefusedMany, wbRowUnreadable, wbNoSuchRun, wbToken, wbTooLarge, wbNoRoster, wbVoidReason, wbNoFormat, wbNeedsMap
    case wbServes, wbStopped, wbPort, wbHost, wbAllowedHost, wbResolveLimit, wbNoPinnedColumn, wbSolveBusy, wbForeignHost, wbForeignOrigin, wbMethod
    case wbPortInUse, wbVoidReasonLong, wbNothingChanged, poReasonControl
    // The tables of `runs list`, `runs show` and `payouts list`
    case lsID, lsKind, lsName, lsStarted, lsDuration, lsOutcome, lsStatus, lsPeriod, lsPlan, lsRows, lsTotal, lsAdjusts, lsSuperseded
    case lsRun, lsByRun, lsRunTitle, lsFinished, lsUser, lsParameters, lsInputs, lsResults, lsNone, lsLines, lsBytes
    case kindStaff, kindRoster, kindBonus, kindCompare, outcomeOK, outcomeEdited
}

extension Texts {
    /// The first part of the English table: pages, summaries, progress and the readers' common messages.
    static let englishCommon: [TextKey: String] = [
        .statusOptimal: "optimal", .statusFeasible: "feasible",
        .payoutDraft: "draft", .payoutApproved: "approved", .payoutExported: "exported", .payoutVoid: "void", .payoutSuperseded: "superseded",

        .rosterTitle: "Roster — {0}",
        .rosterSub: "Week {0} – {1} · {2} agents · status {3} · objective {4}, proven bound {5}, gap {6}",
        .rosterTarget: "target {0} in {1} s",
        .kpiServiceLevel: "projected service level (week), {0}", .kpiPaidHours: "paid hours", .kpiLabourCost: "labour cost",
        .kpiUnderstaffed: "understaffed agent-hours", .kpiOverstaffed: "overstaffed agent-hours", .kpiShifts: "shifts",
        .kpiViolations: "hard-rule violations",
        .coverageHeading: "Coverage against requirement", .legendOnPhones: "on the phones (on shift, not on break)", .legendOnBreak: "on break",
        .legendRequired: "required", .legendShortfall: "shortfall",
        .legendSameScale: "every day on the same scale · projected service level per day against the {0}",
        .timelineHeading: "Timeline", .controlShow: "Show", .controlWeek: "the week", .controlTeam: "Team", .controlAllTeams: "all teams",
        .controlName: "Name or id", .controlFilter: "filter", .controlBreakAt: "On break at",
        .legendShift: "shift", .legendBreak: "break", .legendLate: "late shift (ends after {0} or past midnight)",
        .legendChosenTime: "the time chosen for breaks",
        .agentsHeading: "Agents", .colAgent: "agent", .colName: "name", .colTeam: "team", .colContract: "contract", .colPaidHours: "paid h",
        .colContractHours: "contract h", .colLateShifts: "late shifts", .colWeekendDays: "weekend days", .dayOff: "OFF",
        .dayProjectedSL: "projected SL", .dayClosed: "closed", .dayShortfall: "shortfall {0} agent-h",
        .jsAgents: "{0} agents", .jsOnBreak: "On break {0}", .jsNobody: "nobody", .jsShown: "{0} of {1} agents shown", .jsLate: "late",
        .jsWeekend: "weekend", .jsColon: ": ", .jsComma: ", ",

        .statementTitle: "Bonus statement", .statementIndexTitle: "Bonus statements", .statementSub: "{0} · period {1}",
        .statementAgent: "Agent", .statementPeriod: "Period", .statementRun: "Run", .statementState: "State",
        .statementAdjusts: " (adjusts run {0})", .statementApprovedBy: "{0}, approved by {1} on {2}",
        .statementStampDraft: "Draft — not yet approved; amounts may change",
        .statementStampSuperseded: "Superseded by a newer run of this period — not paid", .statementStampVoid: "Void — this run is not paid",
        .statementNoComponent: "No component of the plan applies to this agent in this period.", .statementPaysHeading: "What this run pays",
        .statementCode: "Earnings code", .statementNowDue: "Now due", .statementPaidBefore: "Paid before", .statementThisRun: "This run pays",
        .statementAdjustmentNote: "This is an adjustment: the period was recalculated, and only the difference to what the earlier approved runs paid is paid now.",
        .statementTotal: "Total", .statementThisRunPays: "This run pays",
        .statementFooter: "Every amount above follows from the plan and the period's metrics as written; the working of each line is the calculation itself. Run {0} · {1} · {2}.",
        .statementIndexSub: "{0} · period {1} · run {2} ({3}) · {4} agents", .statementTotalColumn: "Total",

        .compareTitle: "What-if comparison", .compareSub: "{0} scenarios · Δ: difference to {1} · money in {2}",
        .compareCoverageHeading: "Requirement and coverage over the week", .compareCostHeading: "Cost and service level",
        .compareLabourBar: "labour cost ({0})", .compareSLBar: "projected service level, week (%)", .compareCostAgainst: "Cost against {0}",
        .compareMeasure: "measure", .compareLegend: "{0}: on the phones (solid), required (dashed)",
        .compareCurveCost: "labour cost ({0}, left axis)", .compareCurveLevel: "projected service level (right axis)",
        .compareUnprovenPair: "{0} and {1}: labour cost differs by {2}, while their rosters are within {3} and {4} of the best possible",
        .compareUnprovenNote: "Order not proven. {0}. The solver's gaps are wider than the difference, so a longer run could reverse these two; raise the time limit or lower the gap to settle it.",
        .mContacts: "contacts", .mRequiredAgentHours: "required agent-hours", .mPaidHours: "paid hours", .mLabourCost: "labour cost",
        .mUnderstaffed: "understaffed agent-hours", .mServiceLevelWeek: "service level, week", .mServiceLevelWorstDay: "service level, worst day",
        .mOccupancy: "occupancy", .mBonusTotal: "bonus total", .mCostPerContact: "cost per contact", .mSolverGap: "solver gap", .mAgents: "agents",
        .mOverstaffed: "overstaffed agent-hours", .mAbandonRate: "abandon rate", .mSolverStatus: "solver status",

        .forecastTitle: "Forecast for the week of {0}",
        .forecastSub: "from {0}: {1} days of history from {2}, {3}-minute intervals · {4} contacts forecast",
        .forecastLegendHistory: "history", .forecastLegendBacktest: "back-test (forecast of a past week from the weeks before it)",
        .forecastLegendForecast: "forecast", .forecastBacktestHeading: "Back-test",
        .forecastBacktestNote: "WAPE = Σ|forecast − actual| ÷ Σ actual over the week's intervals; handle time weighted by the actual contacts. Seasonal naive repeats the week before.",
        .forecastColWeek: "week", .forecastColMethod: "method", .forecastColWAPEContacts: "WAPE contacts", .forecastColWAPEAHT: "WAPE handle time",
        .forecastAxis: "contacts per {0} minutes", .forecastMethodTrimmed: "trimmed mean of 8 weeks (Shiftwise)", .forecastMethodNaive: "seasonal naive",
        .forecastAllWeeks: "all",

        .cliRosterScenario: "scenario {0}: {1} agents, {2} shifts",
        .cliRosterStatus: "status {0}: objective {1} {2}, bound {3}, gap {4} %, {5} s",
        .cliRosterHours: "paid hours {0}, labour {1} {2}, understaffed {3} agent-hours, service level {4}",
        .cliRosterViolations: "hard-rule violations found by the independent check: {0}",
        .cliStaffScenario: "scenario {0}: {1} intervals, {2} open", .cliStaffPeak: "peak {0} agents scheduled{1}; {2} agent-hours required",
        .cliStaffPeakAt: " at {0}",
        .cliValidateRoster: "roster OK: {0} shift(s), {1} agent(s); every hard rule holds", .cliValidateCoverage: "coverage OK: {0} intervals match",
        .cliBonusPaid: "period {0}: {1} agents paid",
        .cliBonusAdjustment: "adjustment of run {0}: the period already has approved payouts, so payouts.csv holds only the differences ({1} lines, reason recalculation)",
        .cliCompareHeader: "scenario|labour cost|paid h|under h|SL week|gap", .cliCompareDone: "{0} scenarios in {1} s",
        .cliStatements: "{0} statements for run {1}", .cliStatementsWrote: "wrote {0}/index.html and {1} statement-<agent>.html",
        .cliExported: "run {0} exported as {1}", .cliExportedAgain: "run {0} exported again as {1} (an export is the same bytes every time)",
        .cliForecastFrom: "forecast for the week of {0} from {1} days of history ({2} to {3}, {4}-minute intervals)",
        .cliForecastExcluded: ", {0} day(s) excluded", .cliForecastTotal: "{0} contacts; peak {1} at {2}", .cliForecastAdjusted: "; {0} day(s) adjusted",
        .cliForecastBacktest: "back-test over {0} week(s): WAPE {1} (seasonal naive {2}), handle time {3} ({4})",
        .cliForecastNoBacktest: "no back-test: the history has no whole week with two weeks before it",
        .cliQASample: "sampled {0} of {1} contacts: up to {2} for each of {3} agents (seed {4})",
        .cliQAScore: "form {0}: {1} contacts of {2} agents scored",
        .cliProblems: "{0} problem(s) found", .cliProblemsNothingWritten: "{0} problem(s) found; nothing was written",
        .explainPays: "pays {0}", .explainTotal: "total {0}",
        .progModel: "model: {0} variables, {1} constraints ({2} s)", .progWithoutFairness: "without fairness: {0}", .progFirst: "first roster {0} ({1} s)",
        .progWeekBound: "week bound {0}{1} after {2} rounds over {3} weeks ({4} agents fractional, {5} s)",
        .progStoppedEarly: " (column generation stopped early)", .progHeuristic: "heuristic roster {0} ({1} s)",
        .progDive: "diving over the week master: roster {0} ({1} s)", .progSearch: "search over the LP's shifts: {0}, roster {1} ({2} s)",
        .progChosen: "weeks chosen among the generated ones: roster {0} ({1} s)", .progLevelling: "fairness levelling: {0} step{1}, roster {2}",
        .progGroups: "groups of {0} agents re-rostered exactly: {1} tried, roster {2}",
        .progDays: "single days re-rostered exactly (every agent's shifts that day): {0} tried, roster {1}",
        .progPairs: "pairs of days re-rostered exactly (every agent's shifts on both days): {0} tried, roster {1}",
        .progRedive: "groups of {0} agents dived again over the week master: {1} tried, roster {2} ({3} s)",
        .progSpreads: "fairness spreads branched on: {0} nodes, {1} leaves, bound {2} ({3} s)", .progRostering: "{0}: rostering {1} agents…",
        .progSearching: "searching: roster {0}, bound {1}, {2} s", .progNoneYet: "none yet",
        .errMapping: "`{0}` must be a mapping (key: value pairs), not {1}", .errMappingFix: "write it as `key: value` lines indented under `{0}`",
        .errUnknownKey: "unknown key `{0}`", .errDidYouMean: "did you mean `{0}`?", .errKnownKeys: "known keys here: {0}",
        .errMissingKey: "`{0}` is missing", .errMissingKeyFix: "add `{0}: …` here", .errSingleValue: "`{0}` must be a single value, not {1}",
        .errEmptyName: "`{0}` is empty: a name is what the lines, explanations and statements show", .errEmptyNameFix: "write a name, e.g. `name: 好评奖励`",
        .errNumber: "`{0}` must be a number, got `{1}`", .errNumberFix: "write a plain number such as 0.8 or 20",
        .errRange: "`{0}` is {1} but must be {2}", .errRangeFix: "use a value {0}",
        .errWhole: "`{0}` must be a whole number, got `{1}`", .errWholeFix: "write a whole number such as 30",
        .errAtLeast: "`{0}` is {1} but must be ≥ {2}", .errAtLeastFix: "use a value of at least {0}",
        .errAtMost: "`{0}` is {1} but must be ≤ {2}", .errAtMostFix: "use a value of at most {0}",
        .errBool: "`{0}` must be true or false, got `{1}`", .errList: "`{0}` must be a list, not {1}", .errListFix: "write it as [a, b] or as `- item` lines",
        .errColumnMissing: "required column `{0}` is missing", .errColumnUnknown: "unknown column `{0}` is ignored",
        .errColumnTwice: "column `{0}` appears twice (also column {1})", .errColumnTwiceFix: "rename or delete one of them",
        .kindScalar: "a single value", .kindMapping: "a mapping (key: value pairs)", .kindList: "a list", .kindNothing: "nothing",
        .errKnownColumns: "known columns: {0}",
        .warnBandFrom: "component {0}: no agent reached the band from {1} this period", .warnBandTo: "component {0}: no agent reached the band to {1} this period",
        .warnBandFix: "check the band against the metric's range ({0})", .controlSummary: "control: {0} rows, total {1} {2}",
        .agEmptyID: "agent_id is empty", .agUniqueFix: "give every agent a unique id", .agIDTwice: "agent_id `{0}` is used twice (first on line {1})",
        .agUnknownContract: "unknown contract `{0}`",
        .agCost: "hourly_cost must be a number from 0 to 1000000 with at most 4 decimals, got `{0}`",
        .agCostFix: "write it like 35.50 (no currency sign, `.` as decimal point)",
        .agUnavailableOutside: "unavailable date {0} is outside the week {1} – {2} and has no effect",
        .agUnavailableBad: "`{0}` in unavailable is neither a date nor a weekday", .agUnavailableFix: "use dates like {0} or weekdays Mon…Sun, separated by `;`",
        .agDayOffBad: "`{0}` in preferred_days_off is not a weekday", .agDayOffFix: "use Mon, Tue, Wed, Thu, Fri, Sat or Sun, separated by `;`",
        .agWindow: "latest_end {0} is not after earliest_start {1}", .agWindowFix: "for a window past midnight write e.g. 26:00",
        .agNoAgents: "the agents file lists no agents", .agNoAgentsFix: "add one row per agent",
        .agTime: "{0} must be a time HH:MM, got `{1}`", .agTimeFix: "write it like 08:30",
        .rangeAnd: " and ", .notAvailable: "n/a", .eligibilityLabel: "(eligibility)",
        .explainEnglishNote: "(the working of this run is kept in English only)",
        .progCompared: "{0}: {1}, labour {2}, service level {3}, gap {4} % ({5} s)", .ariaCoverage: "requirement and coverage",
        .fcNoRows: "the forecast has no rows: every interval is closed and nothing is staffed", .fcNoRowsFix: "add one row per open interval: start,contacts,aht_seconds",
        .fcContactsNegative: "contacts is negative ({0})", .fcContactsNegativeFix: "use 0 or more contacts",
        .fcContactsNumber: "contacts must be a number, got `{0}`", .fcContactsNumberFix: "write a number such as 42 or 41.5 (decimal point `.`)",
        .fcAHTNegative: "aht_seconds is negative ({0})", .fcAHTNegativeFix: "use the average handle time in seconds, > 0",
        .fcAHTNumber: "aht_seconds must be a number, got `{0}`", .fcAHTNumberFix: "write seconds such as 300",
        .fcAHTMissing: "aht_seconds is {0} but the interval has {1} contacts", .fcAHTMissingFix: "give the average handle time in seconds (> 0), or set contacts to 0",
        .fcEmpty: "empty",
        .fcNotDateTime: "`{0}` is not a date-time", .fcNotDateTimeFix: "write the interval start like {0}",
        .fcOutsideWeek: "{0} is outside the week {1} – {2}", .fcOutsideWeekFix: "delete the row or change week_start",
        .fcMisaligned: "{0} is not on the {1}-minute interval grid", .fcMisalignedFix: "start intervals on the grid, e.g. {0}",
        .fcTwice: "interval {0} appears twice (first on line {1})", .fcTwiceFix: "keep one row per interval",
        .mtPeriodCell: "period must be a month YYYY-MM, got `{0}`", .mtPeriodCellFix: "write it like {0}",
        .mtEmptyID: "agent_id is empty", .mtEmptyIDFix: "give every row the agent's id",
        .mtTwoRows: "agent `{0}` has two rows for {1} (lines {2} and {3})", .mtTwoRowsFix: "keep one row per agent and period",
        .mtUnknownAgent: "agent `{0}` is not in the agents list; the row is still paid", .mtCheckID: "check the agent id",
        .mtNotNumber: "`{0}` in column `{1}` is not a number", .mtCommaFix: "use `.` as the decimal separator: {0}",
        .mtNotNumberFix: "write a plain number such as 12.5 (no units, no thousands separators), or leave it empty when unknown",
        .mtNoRows: "the file has no rows for the period {0}", .mtNoRowsAdd: "add one row per agent for {0}", .mtNoRowsHolds: "it holds {0}; check --period and the file",
        .mtColumnMissing: "the plan {0}needs the metric column `{1}`, which the file lacks", .mtColumnMissingFix: "add a `{0}` column to the header", .mtRename: "rename `{0}` to `{1}`",
        .scInterval: "`interval_minutes` is {0} but must be 15, 30 or 60", .scIntervalFix: "pick 15, 30 or 60",
        .scNoDemand: "the scenario names neither `forecast` nor `requirements`", .scNoDemandFix: "add `forecast: data/forecast.csv`",
        .scBothDemand: "give either `forecast` or `requirements`, not both", .scBothDemandFix: "delete one of them",
        .scWeekStart: "`week_start` must be a date YYYY-MM-DD, got `{0}`", .scWeekStartFix: "write it like 2026-11-30",
        .scNotMonday: "`week_start` {0} is a {1}, not a Monday", .scNotMondayFix: "use the Monday of that week, {0}",
        .scQueueModel: "`staffing.model` is `{0}`, not a queue model", .scQueueModelFix: "use {0}",
        .scPatience: "`staffing.model: erlang_a` needs `staffing.patience_seconds`, the mean time a waiting contact holds on",
        .scPatienceFix: "add e.g. `patience_seconds: 180` under `staffing:` (from the abandoned calls' waiting times)",
        .scLengthMultiple: "shift length {0} h is not a multiple of the {1}-minute interval", .scLengthMultipleFix: "use lengths that are whole intervals",
        .scWindow: "`shifts.latest_end` {0} is not after `earliest_start` {1}", .scWindowFix: "for shifts past midnight write e.g. \"26:00\"",
        .scNoShiftFits: "no shift fits: the window {0}–{1} is shorter than the shortest shift ({2} h)", .scNoShiftFitsFix: "widen the window or allow shorter shifts",
        .scContractsEmpty: "`contracts` is empty", .scContractsEmptyFix: "define at least one contract",
        .scMinAboveMax: "contract `{0}`: `min_hours` is above `max_hours`", .scMinAboveMaxFix: "make min_hours ≤ max_hours",
        .cliRosterSummary: "roster {0}: {1} shifts, {2} paid hours, labour {3}, understaffed {4} agent-h, projected SL {5}",
        .cliRosterBound: "objective {0}, bound {1}, gap {2} ({3})", .cliRun: "run {0}", .cliWrote: "wrote {0}",
        .wordOr: " or ", .wordAnd: " and ", .listComma: ", ",
        .unitHours: "{0} h", .unitMinutes: "{0} min", .unitHoursMinutes: "{0} h {1} min",
    ]

    static let chineseCommon: [TextKey: String] = [
        .statusOptimal: "最优解", .statusFeasible: "可行解",
        .payoutDraft: "草稿", .payoutApproved: "已审批", .payoutExported: "已导出", .payoutVoid: "已作废", .payoutSuperseded: "已被取代",

        .rosterTitle: "排班 — {0}",
        .rosterSub: "排班周 {0} 至 {1} · {2} 名坐席 · 求解状态 {3} · 目标值（成本）{4}，下界 {5}，求解差距 {6}",
        .rosterTarget: "目标 {1} 秒接通率 {0}",
        .kpiServiceLevel: "全周预计服务水平（{0}）", .kpiPaidHours: "带薪工时", .kpiLabourCost: "人工成本",
        .kpiUnderstaffed: "人力缺口（人·小时）", .kpiOverstaffed: "人力冗余（人·小时）", .kpiShifts: "班次数",
        .kpiViolations: "硬性规则违规数",
        .coverageHeading: "在线人数与需求人数", .legendOnPhones: "在线（在班且未休息）", .legendOnBreak: "休息中",
        .legendRequired: "需求人数", .legendShortfall: "人力缺口",
        .legendSameScale: "各天纵轴刻度一致 · 每日预计服务水平对照 {0}",
        .timelineHeading: "班次时间轴", .controlShow: "显示", .controlWeek: "整周", .controlTeam: "班组", .controlAllTeams: "全部班组",
        .controlName: "姓名或工号", .controlFilter: "筛选", .controlBreakAt: "查看某时刻休息人员",
        .legendShift: "班次", .legendBreak: "休息", .legendLate: "晚班（{0} 后下班或跨零点）",
        .legendChosenTime: "所选休息时刻",
        .agentsHeading: "坐席明细", .colAgent: "工号", .colName: "姓名", .colTeam: "班组", .colContract: "合同类型", .colPaidHours: "带薪工时",
        .colContractHours: "合同工时", .colLateShifts: "晚班数", .colWeekendDays: "周末出勤天数", .dayOff: "休",
        .dayProjectedSL: "预计服务水平", .dayClosed: "不营业", .dayShortfall: "人力缺口 {0} 人·小时",
        .jsAgents: "{0} 名坐席", .jsOnBreak: "{0} 休息人员", .jsNobody: "无人", .jsShown: "显示 {0} / {1} 名坐席", .jsLate: "晚班",
        .jsWeekend: "周末", .jsColon: "：", .jsComma: "、",

        .statementTitle: "奖金明细", .statementIndexTitle: "奖金明细汇总", .statementSub: "{0} · 考核期 {1}",
        .statementAgent: "坐席", .statementPeriod: "考核期", .statementRun: "批次", .statementState: "状态",
        .statementAdjusts: "（调整批次 {0}）", .statementApprovedBy: "{0}（审批人 {1}，{2}）",
        .statementStampDraft: "草稿 — 尚未审批，金额可能变动",
        .statementStampSuperseded: "已被本期较新的批次取代 — 不予发放", .statementStampVoid: "已作废 — 本批次不予发放",
        .statementNoComponent: "本期奖金方案中没有适用于该坐席的奖项。", .statementPaysHeading: "本批次发放明细",
        .statementCode: "收入代码", .statementNowDue: "应发合计", .statementPaidBefore: "此前已发", .statementThisRun: "本批次发放",
        .statementAdjustmentNote: "这是调整批次：本期已重新计算，本次只发放与此前已审批批次的差额。",
        .statementTotal: "合计", .statementThisRunPays: "本批次发放",
        .statementFooter: "以上各项金额均依据方案及本期指标计算得出，每行所列算式即完整计算过程。批次 {0} · {1} · {2}。",
        .statementIndexSub: "{0} · 考核期 {1} · 批次 {2}（{3}）· {4} 名坐席", .statementTotalColumn: "合计",

        .compareTitle: "假设情景对比", .compareSub: "{0} 个情景 · Δ：与 {1} 的差值 · 币种 {2}",
        .compareCoverageHeading: "全周在线人数与需求人数", .compareCostHeading: "成本与服务水平",
        .compareLabourBar: "人工成本（{0}）", .compareSLBar: "全周预计服务水平（%）", .compareCostAgainst: "成本随 {0} 的变化",
        .compareMeasure: "指标", .compareLegend: "{0}：在线（实线），需求（虚线）",
        .compareCurveCost: "人工成本（{0}，左轴）", .compareCurveLevel: "预计服务水平（右轴）",
        .compareUnprovenPair: "{0} 与 {1}：人工成本相差 {2}，而两者的排班分别距最优不超过 {3} 和 {4}",
        .compareUnprovenNote: "优劣尚无定论。{0}。求解差距大于两者的成本差，求解更久后两者的排序可能颠倒；如需确定，请延长求解时限或调低求解差距阈值。",
        .mContacts: "进线量", .mRequiredAgentHours: "需求人力（人·小时）", .mPaidHours: "带薪工时", .mLabourCost: "人工成本",
        .mUnderstaffed: "人力缺口（人·小时）", .mServiceLevelWeek: "全周服务水平", .mServiceLevelWorstDay: "最差单日服务水平",
        .mOccupancy: "占用率", .mBonusTotal: "奖金总额", .mCostPerContact: "单次进线成本", .mSolverGap: "求解差距", .mAgents: "坐席人数",
        .mOverstaffed: "人力冗余（人·小时）", .mAbandonRate: "放弃率", .mSolverStatus: "求解状态",

        .forecastTitle: "{0} 起一周进线量预测",
        .forecastSub: "依据 {0}：自 {2} 起 {1} 天历史数据，{3} 分钟粒度 · 预测进线量 {4}",
        .forecastLegendHistory: "历史", .forecastLegendBacktest: "回测（用此前各周预测过去的一周）",
        .forecastLegendForecast: "预测", .forecastBacktestHeading: "回测",
        .forecastBacktestNote: "WAPE = Σ|预测 − 实际| ÷ Σ 实际，按一周各时段计算；处理时长按实际进线量加权。季节性朴素法即照搬上一周。",
        .forecastColWeek: "周", .forecastColMethod: "方法", .forecastColWAPEContacts: "进线量 WAPE", .forecastColWAPEAHT: "处理时长 WAPE",
        .forecastAxis: "每 {0} 分钟进线量", .forecastMethodTrimmed: "8 周截尾均值（Shiftwise）", .forecastMethodNaive: "季节性朴素法",
        .forecastAllWeeks: "全部",

        .cliRosterScenario: "情景 {0}：{1} 名坐席，{2} 个班次",
        .cliRosterStatus: "求解状态 {0}：目标值 {1} {2}，下界 {3}，求解差距 {4}%，用时 {5} 秒",
        .cliRosterHours: "带薪工时 {0}，人工成本 {1} {2}，人力缺口 {3} 人·小时，服务水平 {4}",
        .cliRosterViolations: "独立校验发现的硬性规则违规：{0}",
        .cliStaffScenario: "情景 {0}：{1} 个时段，其中 {2} 个营业时段", .cliStaffPeak: "峰值需排 {0} 人{1}；共需 {2} 人·小时",
        .cliStaffPeakAt: "（{0}）",
        .cliValidateRoster: "排班通过：{0} 个班次，{1} 名坐席；硬性规则均满足", .cliValidateCoverage: "覆盖校验通过：{0} 个时段均一致",
        .cliBonusPaid: "{0} 考核期：共 {1} 名坐席获发奖金",
        .cliBonusAdjustment: "调整批次 {0}：本期已有已审批的发放记录，payouts.csv 仅含差额（{1} 行，原因：recalculation）",
        .cliCompareHeader: "情景|人工成本|带薪工时|人力缺口|全周服务水平|求解差距", .cliCompareDone: "{0} 个情景，用时 {1} 秒",
        .cliStatements: "批次 {1} 共 {0} 份奖金明细", .cliStatementsWrote: "已写入 {0}/index.html 及 {1} 份 statement-<agent>.html",
        .cliExported: "批次 {0} 已导出为 {1}", .cliExportedAgain: "批次 {0} 再次导出为 {1}（每次导出逐字节一致）",
        .cliForecastFrom: "{0} 起一周进线量预测，依据 {1} 天历史数据（{2} 至 {3}，{4} 分钟粒度）",
        .cliForecastExcluded: "，排除 {0} 天", .cliForecastTotal: "进线量 {0}；峰值 {1}（{2}）", .cliForecastAdjusted: "；调整 {0} 天",
        .cliForecastBacktest: "回测 {0} 周：进线量 WAPE {1}（季节性朴素法 {2}），处理时长 WAPE {3}（{4}）",
        .cliForecastNoBacktest: "无法回测：历史数据不足（需至少一个完整周及其前两周的数据）",
        .cliQASample: "从 {1} 条联络记录中抽检 {0} 条：{3} 名坐席，每人最多 {2} 条（随机种子 {4}）",
        .cliQAScore: "质检表 {0}：已为 {2} 名坐席的 {1} 条联络记录评分",
        .cliProblems: "发现 {0} 个问题", .cliProblemsNothingWritten: "发现 {0} 个问题；未写入任何文件",
        .explainPays: "实发 {0}", .explainTotal: "合计 {0}",
        .progModel: "模型：{0} 个变量，{1} 个约束（{2} 秒）", .progWithoutFairness: "不考虑公平性：{0}", .progFirst: "初始排班 {0}（{1} 秒）",
        .progWeekBound: "周下界 {0}{1}：{2} 轮，{3} 个周方案（{4} 名坐席为分数解，{5} 秒）",
        .progStoppedEarly: "（列生成提前停止）", .progHeuristic: "启发式排班 {0}（{1} 秒）",
        .progDive: "周主问题下潜：排班 {0}（{1} 秒）", .progSearch: "在线性松弛所用班次中搜索：{0}，排班 {1}（{2} 秒）",
        .progChosen: "从已生成的周方案中选择：排班 {0}（{1} 秒）", .progLevelling: "公平调平：{0} 步{1}，排班 {2}",
        .progGroups: "按 {0} 人分组精确重排：尝试 {1} 组，排班 {2}",
        .progDays: "逐日精确重排（当天所有坐席的班次）：尝试 {0} 天，排班 {1}",
        .progPairs: "两日一组精确重排（两天内所有坐席的班次）：尝试 {0} 组，排班 {1}",
        .progRedive: "按 {0} 人分组在周主问题上重新下潜：尝试 {1} 组，排班 {2}（{3} 秒）",
        .progSpreads: "按公平差距的整数值分支：{0} 个节点，{1} 个叶节点，下界 {2}（{3} 秒）", .progRostering: "{0}：正在为 {1} 名坐席排班…",
        .progSearching: "搜索中：排班 {0}，下界 {1}，{2} 秒", .progNoneYet: "暂无",
        .errMapping: "`{0}` 应为映射（键: 值），而不是{1}", .errMappingFix: "在 `{0}` 下缩进，逐行写成 `键: 值`",
        .errUnknownKey: "未知的键 `{0}`", .errDidYouMean: "是否想写 `{0}`？", .errKnownKeys: "此处可用的键：{0}",
        .errMissingKey: "缺少 `{0}`", .errMissingKeyFix: "在此处添加 `{0}: …`", .errSingleValue: "`{0}` 应为单个值，而不是{1}",
        .errEmptyName: "`{0}` 为空：明细、说明和奖金明细都显示这个名称", .errEmptyNameFix: "请写上名称，如 `name: 好评奖励`",
        .errNumber: "`{0}` 应为数字，实际为 `{1}`", .errNumberFix: "写成普通数字，如 0.8 或 20",
        .errRange: "`{0}` 为 {1}，但应 {2}", .errRangeFix: "请使用 {0} 的值",
        .errWhole: "`{0}` 应为整数，实际为 `{1}`", .errWholeFix: "写成整数，如 30",
        .errAtLeast: "`{0}` 为 {1}，但应 ≥ {2}", .errAtLeastFix: "请使用不小于 {0} 的值",
        .errAtMost: "`{0}` 为 {1}，但应 ≤ {2}", .errAtMostFix: "请使用不大于 {0} 的值",
        .errBool: "`{0}` 应为 true 或 false，实际为 `{1}`", .errList: "`{0}` 应为列表，而不是{1}", .errListFix: "写成 [a, b] 或逐行 `- 项`",
        .errColumnMissing: "缺少必需的列 `{0}`", .errColumnUnknown: "未知的列 `{0}`，已忽略",
        .errColumnTwice: "列 `{0}` 出现了两次（另见第 {1} 列）", .errColumnTwiceFix: "重命名或删除其中一列",
        .kindScalar: "单个值", .kindMapping: "映射（键: 值）", .kindList: "列表", .kindNothing: "空值",
        .errKnownColumns: "可用的列：{0}",
        .warnBandFrom: "奖项 {0}：本期没有坐席达到 {1} 起的档位", .warnBandTo: "奖项 {0}：本期没有坐席达到 {1} 及以下的档位",
        .warnBandFix: "请对照指标 {0} 的实际范围检查该档位", .controlSummary: "核对：{0} 行，合计 {1} {2}",
        .agEmptyID: "`agent_id` 为空", .agUniqueFix: "为每名坐席填写唯一的工号", .agIDTwice: "工号 `{0}` 重复（首次出现在第 {1} 行）",
        .agUnknownContract: "未知的合同 `{0}`",
        .agCost: "`hourly_cost` 应为 0 至 1000000 之间、最多 4 位小数的数字，实际为 `{0}`",
        .agCostFix: "写成 35.50 这样的形式（不带货币符号，用 `.` 作小数点）",
        .agUnavailableOutside: "不可排班日期 {0} 不在 {1} 至 {2} 这一周内，不起作用",
        .agUnavailableBad: "`unavailable` 中的 `{0}` 既不是日期也不是星期", .agUnavailableFix: "请使用 {0} 这样的日期或 Mon…Sun 星期缩写，以 `;` 分隔",
        .agDayOffBad: "`preferred_days_off` 中的 `{0}` 不是星期", .agDayOffFix: "请使用 Mon、Tue、Wed、Thu、Fri、Sat 或 Sun，以 `;` 分隔",
        .agWindow: "`latest_end` {0} 不晚于 `earliest_start` {1}", .agWindowFix: "跨零点的时间窗口请写成 26:00 这样的形式",
        .agNoAgents: "坐席文件中没有任何坐席", .agNoAgentsFix: "请每名坐席写一行",
        .agTime: "{0} 应为 HH:MM 格式的时间，实际为 `{1}`", .agTimeFix: "写成 08:30 这样的形式",
        .rangeAnd: " 且 ", .notAvailable: "无", .eligibilityLabel: "（资格条件）",
        .explainEnglishNote: "（本批次的计算过程只保存了英文版本）",
        .progCompared: "{0}：{1}，人工成本 {2}，服务水平 {3}，求解差距 {4}%（{5} 秒）", .ariaCoverage: "需求与在线人数",
        .fcNoRows: "预测文件没有任何行：所有时段都不营业，不会排任何人", .fcNoRowsFix: "每个营业时段一行：`start,contacts,aht_seconds`",
        .fcContactsNegative: "`contacts` 为负数（{0}）", .fcContactsNegativeFix: "进线量应为 0 或以上",
        .fcContactsNumber: "`contacts` 应为数字，实际为 `{0}`", .fcContactsNumberFix: "写成 42 或 41.5 这样的数字（小数点用 `.`）",
        .fcAHTNegative: "`aht_seconds` 为负数（{0}）", .fcAHTNegativeFix: "请填写大于 0 的平均处理时长（秒）",
        .fcAHTNumber: "`aht_seconds` 应为数字，实际为 `{0}`", .fcAHTNumberFix: "写成 300 这样的秒数",
        .fcAHTMissing: "`aht_seconds` 为 {0}，但该时段进线量为 {1}", .fcAHTMissingFix: "请填写大于 0 的平均处理时长（秒），或把进线量设为 0",
        .fcEmpty: "空",
        .fcNotDateTime: "`{0}` 不是日期时间", .fcNotDateTimeFix: "把时段开始写成 {0} 这样的形式",
        .fcOutsideWeek: "{0} 不在 {1} 至 {2} 这一周内", .fcOutsideWeekFix: "删除该行或修改 `week_start`",
        .fcMisaligned: "{0} 不在 {1} 分钟的时段网格上", .fcMisalignedFix: "时段应从网格点开始，如 {0}",
        .fcTwice: "时段 {0} 出现了两次（首次在第 {1} 行）", .fcTwiceFix: "每个时段只保留一行",
        .mtPeriodCell: "`period` 应为 YYYY-MM 格式的月份，实际为 `{0}`", .mtPeriodCellFix: "写成 {0} 这样的形式",
        .mtEmptyID: "`agent_id` 为空", .mtEmptyIDFix: "每行都要填写工号",
        .mtTwoRows: "坐席 `{0}` 在考核期 {1} 有两行（第 {2} 行和第 {3} 行）", .mtTwoRowsFix: "每名坐席每个考核期只保留一行",
        .mtUnknownAgent: "坐席 `{0}` 不在坐席名单中；该行仍会计发奖金", .mtCheckID: "请核对工号",
        .mtNotNumber: "列 `{1}` 中的 `{0}` 不是数字", .mtCommaFix: "小数点请用 `.`：{0}",
        .mtNotNumberFix: "写成 12.5 这样的普通数字（不带单位和千位分隔符），未知时留空",
        .mtNoRows: "文件中没有考核期 {0} 的数据行", .mtNoRowsAdd: "为考核期 {0} 的每名坐席添加一行", .mtNoRowsHolds: "文件中只有 {0}；请检查 `--period` 和文件",
        .mtColumnMissing: "方案 {0}需要指标列 `{1}`，但文件中没有", .mtColumnMissingFix: "在表头中添加 `{0}` 列", .mtRename: "把 `{0}` 改名为 `{1}`",
        .scInterval: "`interval_minutes` 为 {0}，但只能是 15、30 或 60", .scIntervalFix: "从 15、30、60 中选一个",
        .scNoDemand: "情景既没有 `forecast` 也没有 `requirements`", .scNoDemandFix: "添加 `forecast: data/forecast.csv`",
        .scBothDemand: "`forecast` 与 `requirements` 只能二选一", .scBothDemandFix: "删除其中一个",
        .scWeekStart: "`week_start` 应为 YYYY-MM-DD 格式的日期，实际为 `{0}`", .scWeekStartFix: "写成 2026-11-30 这样的形式",
        .scNotMonday: "`week_start` {0} 是 {1}，不是周一", .scNotMondayFix: "请使用该周的周一：{0}",
        .scQueueModel: "`staffing.model` 为 `{0}`，不是可用的排队模型", .scQueueModelFix: "请使用 {0}",
        .scPatience: "`staffing.model: erlang_a` 需要 `staffing.patience_seconds`（等待中的客户平均愿意等待的时长）",
        .scPatienceFix: "在 `staffing:` 下添加如 `patience_seconds: 180`（可由放弃进线的等待时长估算）",
        .scLengthMultiple: "班次时长 {0} 小时不是 {1} 分钟时段的整数倍", .scLengthMultipleFix: "班次时长应为整数个时段",
        .scWindow: "`shifts.latest_end` {0} 不晚于 `earliest_start` {1}", .scWindowFix: "跨零点的班次请写成 \"26:00\" 这样的形式",
        .scNoShiftFits: "没有可排的班次：时间窗口 {0}–{1} 短于最短班次（{2} 小时）", .scNoShiftFitsFix: "放宽时间窗口，或允许更短的班次",
        .scContractsEmpty: "`contracts` 为空", .scContractsEmptyFix: "至少定义一种合同",
        .scMinAboveMax: "合同 `{0}`：`min_hours` 大于 `max_hours`", .scMinAboveMaxFix: "使 `min_hours` ≤ `max_hours`",
        .cliRosterSummary: "排班 {0}：{1} 个班次，带薪工时 {2}，人工成本 {3}，人力缺口 {4} 人·小时，预计服务水平 {5}",
        .cliRosterBound: "目标值 {0}，下界 {1}，求解差距 {2}（{3}）", .cliRun: "运行 {0}", .cliWrote: "已写入 {0}",
        .wordOr: " 或 ", .wordAnd: " 和 ", .listComma: "、",
        .unitHours: "{0} 小时", .unitMinutes: "{0} 分钟", .unitHoursMinutes: "{0} 小时 {1} 分钟",
    ]
}
